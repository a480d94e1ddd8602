package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {

	parent("AWS::Redshift::Cluster", model.KindRedshiftCluster, func(b *builder) {
		a := model.KindRedshiftCluster.Must(b.target)
		a.Encrypted = b.boolean("Encrypted", "encrypted", false)
		a.PubliclyAccessible = b.boolean("PubliclyAccessible", "publicly_accessible", false)
		a.LoggingEnabled = b.has("LoggingProperties")
		if a.LoggingEnabled {
			b.locate("LoggingProperties", "logging_enabled")
		}
	})
}
