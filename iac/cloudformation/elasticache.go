package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {

	parent("AWS::ElastiCache::ReplicationGroup", model.KindElastiCacheReplicationGroup, func(b *builder) {
		a := model.KindElastiCacheReplicationGroup.Must(b.target)
		a.AtRestEncryption = b.boolean("AtRestEncryptionEnabled", "at_rest_encryption_enabled", false)
		a.TransitEncryption = b.boolean("TransitEncryptionEnabled", "transit_encryption_enabled", false)
		a.AuthTokenSet = b.has("AuthToken")
		if a.AuthTokenSet {
			b.locate("AuthToken", "auth_token_set")
		}
	})
}
