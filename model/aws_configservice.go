package model

// Kinds of this service.
var (
	KindConfigRecorder = NewKind[ConfigRecorder]("aws.config.recorder", "AWS Config configuration recorder")
)

// ConfigRecorder is kind aws.config.recorder.
type ConfigRecorder struct {
	Name                       string `json:"name"`
	Recording                  bool   `json:"recording"`
	AllSupported               bool   `json:"all_supported"`
	IncludeGlobalResourceTypes bool   `json:"include_global_resource_types"`
}
