package model

// Kinds of this service.
var (
	KindConfigRecorder   = NewKind[ConfigRecorder]("aws.config.recorder", "AWS Config configuration recorder")
	KindConfigAggregator = NewKind[ConfigAggregator]("aws.config.aggregator", "AWS Config configuration aggregator")
)

// ConfigRecorder is kind aws.config.recorder.
type ConfigRecorder struct {
	Name                       string `json:"name"`
	Recording                  bool   `json:"recording"`
	AllSupported               bool   `json:"all_supported"`
	IncludeGlobalResourceTypes bool   `json:"include_global_resource_types"`
}

// ConfigAggregator is kind aws.config.aggregator: what accounts and
// regions a configuration aggregator collects.
type ConfigAggregator struct {
	Name               string `json:"name"`
	OrganizationSource bool   `json:"organization_source" doc:"collects every account of the organization"`
	AllRegions         bool   `json:"all_regions" doc:"its organization or account sources take every region"`
	AccountSources     int    `json:"account_sources" doc:"number of individually listed source accounts"`
}
