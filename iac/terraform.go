package iac

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"github.com/vigil-sec/vigil/iac/terraform"
	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/iac/terraform/plan"
	"github.com/vigil-sec/vigil/iac/terraform/tfaws"
	"github.com/vigil-sec/vigil/model"
)

// terraformAdapter reads Terraform configurations, a directory at a time:
// the files of a directory are one module, and a directory another calls
// as a local module is evaluated through its caller, not as a root.
type terraformAdapter struct{}

func (terraformAdapter) Name() string { return "terraform" }

func (terraformAdapter) Match(path string, _ []byte) bool {
	name := strings.ToLower(filepath.Base(path))
	return strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tf.json")
}

func (terraformAdapter) Parse(_ context.Context, files *Files) Parsed {
	opts := files.Options.Terraform
	if hint := files.Options.Kinds; hint != nil {
		opts.Types = func(types []string) { hint(tfaws.KindsOf(types)) }
	}
	insts, errs := terraform.Scan(files.Base, files.Dirs(), opts)
	out := Parsed{Unjudged: unmappedTerraform(insts, model.SourceTerraform), Errors: errs}
	for _, e := range errs {
		var mnf *terraform.ModuleNotFoundError
		if errors.As(e, &mnf) {
			name := mnf.Source
			if name == "" {
				name = "module." + mnf.Module + " (no source)"
			}
			out.Unjudged = append(out.Unjudged, model.Unjudged{What: model.UnjudgedModule, Source: model.SourceTerraform,
				Name: name, Count: 1, Files: []string{mnf.Err.File}})
		}
	}
	out.Resources = tfaws.Map(insts, model.SourceTerraform)
	return out
}

// planAdapter reads Terraform plan JSON (terraform show -json), a file at
// a time.
type planAdapter struct{}

func (planAdapter) Name() string { return "terraform-plan" }

func (planAdapter) Match(path string, head []byte) bool {
	return head != nil && strings.HasSuffix(strings.ToLower(path), ".json") && plan.Detect(head)
}

func (planAdapter) Parse(_ context.Context, files *Files) Parsed {
	var out Parsed
	files.Each(func(rel string, data []byte) {
		insts, err := plan.Parse(rel, data)
		if err != nil {
			out.Errors = append(out.Errors, err)
		}
		out.Unjudged = append(out.Unjudged, unmappedTerraform(insts, model.SourceTerraformPlan)...)
		out.Resources = append(out.Resources, tfaws.Map(insts, model.SourceTerraformPlan)...)
	})
	return out
}

// localOnly are Terraform providers whose resources create nothing in a
// cloud account (random values, timers, local files, keys kept in state):
// there is nothing for a rule to judge, and counting them would bury the
// types that matter.
var localOnly = map[string]bool{"random": true, "null": true, "time": true, "terraform": true, "local": true,
	"tls": true, "archive": true, "template": true, "external": true, "http": true, "cloudinit": true}

// unmappedTerraform counts the managed instances of types no mapping
// takes (azurerm_*, google_* ...): Map drops them.
func unmappedTerraform(insts []*instance.Instance, source string) []model.Unjudged {
	var out []model.Unjudged
	for _, in := range insts {
		if in.Mode == "data" || tfaws.Maps(in.Type) {
			continue
		}
		if provider, _, _ := strings.Cut(in.Type, "_"); localOnly[provider] {
			continue
		}
		out = append(out, model.Unjudged{What: model.UnjudgedType, Source: source, Name: in.Type, Count: 1, Files: []string{in.File}})
	}
	return out
}
