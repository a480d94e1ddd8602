package model

import "encoding/json"

// Kinds of this service.
var (
	KindDMSReplicationInstance = NewKind[DMSReplicationInstance]("aws.dms.replication_instance", "DMS replication instance")
	KindDMSEndpoint            = NewKind[DMSEndpoint]("aws.dms.endpoint", "DMS source or target endpoint")
	KindDMSReplicationTask     = NewKind[DMSReplicationTask]("aws.dms.replication_task", "DMS replication task")
)

// DMSReplicationInstance is kind aws.dms.replication_instance.
type DMSReplicationInstance struct {
	PubliclyAccessible      bool `json:"publicly_accessible"`
	AutoMinorVersionUpgrade bool `json:"auto_minor_version_upgrade"`
	MultiAZ                 bool `json:"multi_az"`
}

// DMSEndpoint is kind aws.dms.endpoint. Its connection settings and
// password are never kept.
type DMSEndpoint struct {
	EndpointType string `json:"endpoint_type" doc:"SOURCE or TARGET"`
	EngineName   string `json:"engine_name" doc:"mysql, postgres, oracle, s3, dynamodb ..."`
	SSLMode      string `json:"ssl_mode" doc:"none, require, verify-ca or verify-full"`
}

// DMSReplicationTask is kind aws.dms.replication_task.
type DMSReplicationTask struct {
	LoggingEnabled bool `json:"logging_enabled" doc:"the task settings' Logging.EnableLogging (CloudWatch logs of the task)"`
}

// DMSTaskLogging reads Logging.EnableLogging from a replication task's
// settings document; an empty document is AWS's defaults, logging off.
func DMSTaskLogging(settings string) (bool, error) {
	if settings == "" {
		return false, nil
	}
	var doc struct {
		Logging struct {
			EnableLogging bool `json:"EnableLogging"`
		} `json:"Logging"`
	}
	if err := json.Unmarshal([]byte(settings), &doc); err != nil {
		return false, err
	}
	return doc.Logging.EnableLogging, nil
}
