package model

// Kinds of this service.
var (
	KindMacieSession = NewKind[MacieSession]("aws.macie2.session", "Amazon Macie status of an account in one region")
)

// MacieSession is kind aws.macie2.session.
type MacieSession struct {
	Enabled            bool   `json:"enabled" doc:"Macie is on (status ENABLED)"`
	Status             string `json:"status" doc:"ENABLED or PAUSED; empty: Macie was never turned on (or was disabled)"`
	AutomatedDiscovery bool   `json:"automated_discovery" doc:"automated sensitive data discovery is on"`
}
