package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {

	parent("AWS::Config::ConfigurationRecorder", model.KindConfigRecorder, func(b *builder) {
		a := model.KindConfigRecorder.Must(b.target)
		a.Name = b.str("Name", "name", "default")
		b.r.Name = a.Name
		if b.has("RecordingGroup") {
			a.AllSupported = b.boolean("RecordingGroup.AllSupported", "all_supported", false)
			a.IncludeGlobalResourceTypes = b.boolean("RecordingGroup.IncludeGlobalResourceTypes", "include_global_resource_types", false)
		} else {
			a.AllSupported = true
		}
		// CloudFormation starts the recorder once a delivery channel
		// exists; without one in this template we cannot tell.
		a.Recording = false
		for _, r := range b.t.order {
			if r.typ == "AWS::Config::DeliveryChannel" && !r.excluded {
				a.Recording = true
			}
		}
		if !a.Recording {
			b.r.MarkUnknown("recording")
		}
	})
}
