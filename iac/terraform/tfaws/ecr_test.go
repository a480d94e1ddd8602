package tfaws

import (
	"testing"

	"github.com/vigil-sec/vigil/model"
)

func TestECRDefaultsAndPolicy(t *testing.T) {
	repo := inst("aws_ecr_repository", "app", map[string]any{"name": "app"}, nil)
	pol := inst("aws_ecr_repository_policy", "app", map[string]any{"repository": "app", "policy": publicPolicy}, nil)
	a := mapKind(t, "aws.ecr.repository", 1, repo, pol)[0].Attributes.(*model.ECRRepository)
	if a.ScanOnPush || a.ImageTagMutability != "MUTABLE" || a.EncryptionType != "AES256" || a.Policy == nil {
		t.Errorf("ecr: %+v", a)
	}
}
