package aws

import (
	"slices"
	"testing"
)

// What the collector could not read stays unknown, never "off": with
// AccessDenied on a topic's attributes and a cluster's logging status, the
// topic and the cluster are still collected, the unread settings are
// marked unknown (so no rule decides on them), and the denials are
// collection errors.
func TestUnreadSettingsStayUnknown(t *testing.T) {
	w := fragmentWorld(t, "sns", "redshift")
	w.Faults.Deny = []Match{{Service: "sns", Operation: "GetTopicAttributes"}, {Service: "redshift", Operation: "DescribeLoggingStatus"}}
	res, srv := collect(t, w, "sns", "redshift")
	if srv.Stats().Denied == 0 {
		t.Fatal("the deny fault did not apply")
	}
	denied := map[string]int{}
	for _, e := range res.Errors {
		if e.Code == "AccessDenied" {
			denied[e.Operation]++
		}
	}
	kinds := byKind(res.Resources)
	if len(kinds["aws.sns.topic"]) == 0 || len(kinds["aws.redshift.cluster"]) == 0 {
		t.Fatalf("resources dropped: %v", kinds)
	}
	for _, r := range kinds["aws.sns.topic"] {
		if !slices.Contains(r.Unknown, "kms_master_key_id") || !slices.Contains(r.Unknown, "policy") {
			t.Errorf("topic %s: unknown %v", r.Name, r.Unknown)
		}
	}
	for _, r := range kinds["aws.redshift.cluster"] {
		if !slices.Contains(r.Unknown, "logging_enabled") {
			t.Errorf("cluster %s: unknown %v", r.Name, r.Unknown)
		}
	}
	if denied["GetTopicAttributes"] != len(kinds["aws.sns.topic"]) || denied["DescribeLoggingStatus"] != len(kinds["aws.redshift.cluster"]) {
		t.Errorf("collection errors: %v", denied)
	}
}

// A key whose rotation status and policy cannot be read is not reported
// as never rotating or as having no policy.
func TestUnreadKMSSettingsStayUnknown(t *testing.T) {
	w := fragmentWorld(t, "kms")
	w.Faults.Deny = []Match{{Service: "kms", Operation: "GetKeyRotationStatus"}, {Service: "kms", Operation: "GetKeyPolicy"}}
	res, _ := collect(t, w, "kms")
	keys := byKind(res.Resources)["aws.kms.key"]
	if len(keys) == 0 {
		t.Fatal("no keys")
	}
	customer := 0
	for _, r := range keys {
		if !slices.Contains(r.Unknown, "policy") {
			t.Errorf("key %s: policy not unknown: %v", r.Name, r.Unknown)
		}
		if slices.Contains(r.Unknown, "rotation_enabled") {
			customer++
		}
	}
	if customer == 0 {
		t.Error("no customer key has its rotation unknown")
	}
}
