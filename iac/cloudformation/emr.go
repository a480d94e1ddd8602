package cloudformation

import (
	"encoding/json"

	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::EMR::Cluster", model.KindEMRCluster, func(b *builder) {
		a := model.KindEMRCluster.Must(b.target)
		a.SecurityConfiguration = b.str("SecurityConfiguration", "security_configuration", "")
		a.Kerberos = b.str("KerberosAttributes.Realm", "kerberos", "") != ""
		// Whether the primary node gets a public IP depends on its subnet's
		// settings at launch, which the cluster does not declare.
		b.target.MarkUnknown("master_public_ip")
	})
	parent("AWS::EMR::SecurityConfiguration", model.KindEMRSecurityConfiguration, func(b *builder) {
		a := model.KindEMRSecurityConfiguration.Must(b.target)
		paths := []string{"at_rest_encryption", "in_transit_encryption", "kerberos"}
		v, ok := b.get("SecurityConfiguration")
		if !ok {
			return
		}
		for _, p := range paths {
			b.locate("SecurityConfiguration", p)
		}
		doc, isMap := v.(map[string]any)
		if s, isStr := v.(string); isStr {
			isMap = json.Unmarshal([]byte(s), &doc) == nil
		}
		if !isMap || isUnknown(v) {
			for _, p := range paths {
				b.target.MarkUnknown(p)
			}
			return
		}
		*a = model.ParseEMRSecurityConfiguration(doc)
	})
}
