package tfaws

import (
	"testing"

	"github.com/vigil-sec/vigil/model"
)

func TestConfigRecorderStatusJoin(t *testing.T) {
	rec := inst("aws_config_configuration_recorder", "main", map[string]any{"name": "default"}, nil)
	a := mapKind(t, "aws.config.recorder", 1, rec)[0].Attributes.(*model.ConfigRecorder)
	if a.Recording || !a.AllSupported || a.IncludeGlobalResourceTypes || a.Name != "default" {
		t.Errorf("recorder alone: %+v", a)
	}
	// Joined by value: the status names the recorder.
	status := inst("aws_config_configuration_recorder_status", "main", map[string]any{"name": "default", "is_enabled": true}, nil)
	if a := mapKind(t, "aws.config.recorder", 1, rec, status)[0].Attributes.(*model.ConfigRecorder); !a.Recording {
		t.Errorf("recorder with status: %+v", a)
	}
}
