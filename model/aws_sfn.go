package model

// Kinds of this service.
var (
	KindSFNStateMachine = NewKind[SFNStateMachine]("aws.sfn.state_machine", "Step Functions state machine")
)

// SFNStateMachine is kind aws.sfn.state_machine.
type SFNStateMachine struct {
	Name                 string `json:"name"`
	Type                 string `json:"type" doc:"STANDARD or EXPRESS"`
	LoggingLevel         string `json:"logging_level" doc:"OFF, ALL, ERROR or FATAL (execution history to CloudWatch Logs; OFF by default)"`
	IncludeExecutionData bool   `json:"include_execution_data" doc:"logs carry the executions' input, output and parameters"`
	TracingEnabled       bool   `json:"tracing_enabled" doc:"AWS X-Ray tracing"`
}
