package cloudformation

import "github.com/vigil-sec/vigil/model"

func init() {
	parent("AWS::StepFunctions::StateMachine", model.KindSFNStateMachine, func(b *builder) {
		a := model.KindSFNStateMachine.Must(b.target)
		a.Name = b.nameProp("StateMachineName")
		a.Type = b.str("StateMachineType", "type", "STANDARD")
		// Without LoggingConfiguration, logging is OFF.
		a.LoggingLevel = b.str("LoggingConfiguration.Level", "logging_level", "OFF")
		a.IncludeExecutionData = b.boolean("LoggingConfiguration.IncludeExecutionData", "include_execution_data", false)
		a.TracingEnabled = b.boolean("TracingConfiguration.Enabled", "tracing_enabled", false)
	})
}
