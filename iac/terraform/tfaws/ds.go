package tfaws

import "github.com/vigil-sec/vigil/model"

// Directory Service: aws_directory_service_directory becomes
// aws.ds.directory, joined with its log subscription
// (aws_directory_service_log_subscription). The provider has no resource
// for SNS event topics: whether one is registered is not known.
func init() {
	registerParent("aws_directory_service_directory", model.KindDSDirectory, func(b *Builder) {
		a := model.KindDSDirectory.Must(b.R)
		a.Name = b.NameFrom("name")
		a.Type = b.String("type", "type", "SimpleAD")
		b.R.MarkUnknown("sns_event_topics")
	})
	registerChild("aws_directory_service_log_subscription", "directory_id", []string{"aws_directory_service_directory"}, func(p *Builder, c *Child) {
		model.KindDSDirectory.Must(p.R).LogForwarding = true
	})
}
