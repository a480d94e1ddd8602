package tfaws

import "github.com/vigil-sec/vigil/model"

// AWS Config recorders, joined with the recorder status that starts them.
func init() {
	registerParent("aws_config_configuration_recorder", model.KindConfigRecorder, func(b *Builder) {
		a := model.KindConfigRecorder.Must(b.R)
		a.Name = b.String("name", "name", "default")
		b.R.Name = a.Name
		// Omitting recording_group records all regional types but no
		// global ones (the API's defaults).
		// (A plan marks the computed recording_group unknown when it is
		// left out: the defaults hold then too.)
		a.AllSupported, a.IncludeGlobalResourceTypes = true, false
		if !planComputed(b, "recording_group") {
			a.AllSupported = b.Bool("recording_group[0].all_supported", "all_supported", true)
			a.IncludeGlobalResourceTypes = b.Bool("recording_group[0].include_global_resource_types", "include_global_resource_types", false)
		}
		// A recorder is created stopped; only a recorder status starts it.
		a.Recording = false
	})
	registerChild("aws_config_configuration_recorder_status", "name", []string{"aws_config_configuration_recorder"}, func(p *Builder, c *Child) {
		model.KindConfigRecorder.Must(p.R).Recording = c.Bool("is_enabled", "recording", false)
	})
}
