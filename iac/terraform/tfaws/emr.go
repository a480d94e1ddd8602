package tfaws

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

// EMR: aws_emr_block_public_access_configuration, aws_emr_cluster and
// aws_emr_security_configuration become aws.emr.block_public_access,
// .cluster and .security_configuration.
func init() {
	registerParent("aws_emr_block_public_access_configuration", model.KindEMRBlockPublicAccess, func(b *Builder) {
		a := model.KindEMRBlockPublicAccess.Must(b.R)
		b.R.Name = "EMR block public access"
		a.Enabled = b.Bool("block_public_security_group_rules", "enabled", false)
		for i := range b.Blocks("permitted_public_security_group_rule_range") {
			tf := fmt.Sprintf("permitted_public_security_group_rule_range[%d]", i)
			lo, hi := b.Int(tf+".min_range", "permitted_ports", 0), b.Int(tf+".max_range", "permitted_ports", 0)
			if hi == lo {
				a.PermittedPorts = append(a.PermittedPorts, strconv.Itoa(lo))
			} else {
				a.PermittedPorts = append(a.PermittedPorts, strconv.Itoa(lo)+"-"+strconv.Itoa(hi))
			}
		}
	})
	registerParent("aws_emr_cluster", model.KindEMRCluster, func(b *Builder) {
		a := model.KindEMRCluster.Must(b.R)
		b.NameFrom("name")
		a.SecurityConfiguration = b.String("security_configuration", "security_configuration", "")
		a.Kerberos = b.String("kerberos_attributes[0].realm", "kerberos", "") != ""
		// Whether the primary node gets a public IP depends on its subnet's
		// settings at launch, which the cluster does not declare.
		b.R.MarkUnknown("master_public_ip")
	})
	registerParent("aws_emr_security_configuration", model.KindEMRSecurityConfiguration, func(b *Builder) {
		a := model.KindEMRSecurityConfiguration.Must(b.R)
		b.NameFrom("name")
		v, ok := b.Lookup("configuration")
		var doc map[string]any
		if s, isStr := v.(string); ok && isStr && json.Unmarshal([]byte(s), &doc) == nil {
			for _, p := range []string{"at_rest_encryption", "in_transit_encryption", "kerberos"} {
				b.locate("configuration", p)
			}
			*a = model.ParseEMRSecurityConfiguration(doc)
			return
		}
		if ok && instance.IsUnknown(v) {
			b.R.MarkUnknown("at_rest_encryption")
			b.R.MarkUnknown("in_transit_encryption")
			b.R.MarkUnknown("kerberos")
		}
	})
}
