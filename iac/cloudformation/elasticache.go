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
		a.UserGroupIDs = b.strs("UserGroupIds", "user_group_ids")
		if a.UserGroupIDs == nil {
			a.UserGroupIDs = []string{}
		}
		a.SnapshotRetention = b.integer("SnapshotRetentionLimit", "snapshot_retention_limit", 0)
		a.AutomaticFailover = b.boolean("AutomaticFailoverEnabled", "automatic_failover", false)
		a.AutoMinorVersionUpgrade = b.boolean("AutoMinorVersionUpgrade", "auto_minor_version_upgrade", true)
		if a.AuthTokenSet {
			b.locate("AuthToken", "auth_token_set")
		}
	})
}
