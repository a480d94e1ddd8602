package tfaws

import "github.com/vigil-sec/vigil/model"

// Step Functions state machines.
func init() {
	registerParent("aws_sfn_state_machine", model.KindSFNStateMachine, func(b *Builder) {
		a := model.KindSFNStateMachine.Must(b.R)
		a.Name = b.NameFrom("name")
		a.Type = b.String("type", "type", "STANDARD")
		// Without a logging_configuration block, logging is OFF.
		a.LoggingLevel = b.String("logging_configuration[0].level", "logging_level", "OFF")
		a.IncludeExecutionData = b.Bool("logging_configuration[0].include_execution_data", "include_execution_data", false)
		a.TracingEnabled = b.Bool("tracing_configuration[0].enabled", "tracing_enabled", false)
	})
}
