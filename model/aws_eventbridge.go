package model

// Kinds of this service.
var (
	KindEventBridgeEventBus = NewKind[EventBridgeEventBus]("aws.eventbridge.event_bus", "Amazon EventBridge event bus (the default bus and custom buses)")
)

// EventBridgeEventBus is kind aws.eventbridge.event_bus.
type EventBridgeEventBus struct {
	Policy *PolicyDocument `json:"policy" doc:"the resource-based policy: who may put events or manage rules on the bus; null when the bus has none"`
}
