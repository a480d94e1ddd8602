package tfaws

import (
	"testing"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

func TestRedshiftDefaultsAndLogging(t *testing.T) {
	c := inst("aws_redshift_cluster", "dw", map[string]any{"cluster_identifier": "dw", "id": instance.Unknown}, nil)
	l := inst("aws_redshift_logging", "dw", map[string]any{"cluster_identifier": instance.Unknown},
		map[string][]string{"cluster_identifier": {"aws_redshift_cluster.dw"}})
	a := mapKind(t, "aws.redshift.cluster", 1, c, l)[0].Attributes.(*model.RedshiftCluster)
	if !a.Encrypted || a.PubliclyAccessible || !a.LoggingEnabled {
		t.Errorf("redshift: %+v", a)
	}
}
