package aws

import (
	"testing"

	"github.com/vigil-sec/vigil/model"
)

func TestTransferCollector(t *testing.T) {
	w := fragmentWorld(t, "transfer")
	res := collectClean(t, w, "transfer")
	servers := byKind(res.Resources)["aws.transfer.server"]
	legacy, orders := servers["s-01legacypartner9"], servers["s-02orderssftp7"]
	if legacy == nil || orders == nil || legacy.Tags["team"] != "partners" ||
		legacy.ID != "arn:aws:transfer:us-east-1:111111111111:server/s-01legacypartner9" {
		t.Fatalf("servers: %v", servers)
	}
	if a := legacy.Attributes.(*model.TransferServer); len(a.Protocols) != 2 || a.Protocols[1] != "FTP" || a.EndpointType != "PUBLIC" ||
		a.LoggingRole != "" || a.StructuredLogs || a.SecurityPolicyName != "TransferSecurityPolicy-2018-11" {
		t.Errorf("legacy: %+v", a)
	}
	if a := orders.Attributes.(*model.TransferServer); a.EndpointType != "VPC" || a.LoggingRole == "" || !a.StructuredLogs ||
		a.SecurityPolicyName != "TransferSecurityPolicy-2024-01" {
		t.Errorf("orders: %+v", a)
	}
}
