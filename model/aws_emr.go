package model

// Kinds of this service.
var (
	KindEMRBlockPublicAccess     = NewKind[EMRBlockPublicAccess]("aws.emr.block_public_access", "Amazon EMR block public access configuration of an account in one region")
	KindEMRCluster               = NewKind[EMRCluster]("aws.emr.cluster", "Amazon EMR cluster (active: starting, running or waiting)")
	KindEMRSecurityConfiguration = NewKind[EMRSecurityConfiguration]("aws.emr.security_configuration", "Amazon EMR security configuration")
)

// EMRBlockPublicAccess is kind aws.emr.block_public_access.
type EMRBlockPublicAccess struct {
	Enabled        bool     `json:"enabled" doc:"clusters may not start with security groups open to 0.0.0.0/0 or ::/0 (BlockPublicSecurityGroupRules)"`
	PermittedPorts []string `json:"permitted_ports" doc:"port ranges exempted from the block (\"22\", \"8080-8090\")"`
}

// EMRCluster is kind aws.emr.cluster.
type EMRCluster struct {
	MasterPublicIP        bool   `json:"master_public_ip" doc:"a primary (master) node has a public IP address"`
	SecurityConfiguration string `json:"security_configuration" doc:"name of its security configuration; empty: none"`
	Kerberos              bool   `json:"kerberos" doc:"Kerberos authentication configured (KerberosAttributes)"`
}

// EMRSecurityConfiguration is kind aws.emr.security_configuration.
type EMRSecurityConfiguration struct {
	AtRestEncryption    bool `json:"at_rest_encryption" doc:"EncryptionConfiguration.EnableAtRestEncryption"`
	InTransitEncryption bool `json:"in_transit_encryption" doc:"EncryptionConfiguration.EnableInTransitEncryption"`
	Kerberos            bool `json:"kerberos" doc:"AuthenticationConfiguration.KerberosConfiguration set"`
}

// ParseEMRSecurityConfiguration reads the settings of an EMR security
// configuration document (the JSON every source holds).
func ParseEMRSecurityConfiguration(doc map[string]any) EMRSecurityConfiguration {
	var out EMRSecurityConfiguration
	if enc, ok := doc["EncryptionConfiguration"].(map[string]any); ok {
		out.AtRestEncryption, _ = enc["EnableAtRestEncryption"].(bool)
		out.InTransitEncryption, _ = enc["EnableInTransitEncryption"].(bool)
	}
	if auth, ok := doc["AuthenticationConfiguration"].(map[string]any); ok {
		_, out.Kerberos = auth["KerberosConfiguration"].(map[string]any)
	}
	return out
}
