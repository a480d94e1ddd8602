package policies_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
)

// The default database port of each RDS engine is written twice: in Go
// (model.RDSDefaultPort, what the IaC adapters assume when a
// configuration sets no port) and in AWS-RDS-032's Rego. They must agree:
// the rule fails a cluster on the port Go calls its engine's default and
// passes it one port higher; on an engine Go knows no default for, no
// engine's default port fails.
func TestRDSDefaultPortsAgree(t *testing.T) {
	engines := []string{"mysql", "mariadb", "aurora", "aurora-mysql", "aurora-postgresql", "postgres",
		"oracle-ee", "oracle-ee-cdb", "oracle-se2", "oracle-se2-cdb", "custom-oracle-ee", "custom-oracle-ee-cdb",
		"sqlserver-ee", "sqlserver-se", "sqlserver-ex", "sqlserver-web", "custom-sqlserver-ee", "custom-sqlserver-se",
		"db2-se", "db2-ae", "neptune", "docdb", "some-future-engine"}
	known := []int{3306, 5432, 1521, 1433, 50000}
	var rs []*model.Resource
	want := map[string]model.Status{}
	for _, engine := range engines {
		ports := known
		if p := model.RDSDefaultPort(engine); p > 0 {
			ports = []int{p, p + 1}
		}
		for i, port := range ports {
			id := fmt.Sprintf("%s:%d", engine, port)
			rs = append(rs, &model.Resource{ID: id, Kind: "aws.rds.cluster", Provider: "aws", Source: model.SourceLive,
				Attributes: &model.RDSCluster{Engine: engine, Port: port}})
			want[id] = model.StatusPass
			if len(ports) == 2 && i == 0 {
				want[id] = model.StatusFail
			}
		}
	}
	fs, err := builtinEngine(t).Evaluate(context.Background(), rs, policy.EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]model.Status{}
	for _, f := range fs {
		if f.RuleID == "AWS-RDS-032" {
			got[f.Resource.ID] = f.Status
		}
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("AWS-RDS-032 on a cluster %s: %q, want %q (model.RDSDefaultPort and the rule's default_port disagree)", id, got[id], w)
		}
	}
}
