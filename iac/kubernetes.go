package iac

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"

	"github.com/vigil-sec/vigil/iac/kubernetes"
	"github.com/vigil-sec/vigil/model"
)

// kubernetesAdapter reads Kubernetes manifests, a file at a time, and
// joins namespaces across every file once all are read.
type kubernetesAdapter struct{}

func (kubernetesAdapter) Name() string { return "kubernetes" }

func (kubernetesAdapter) Match(path string, head []byte) bool {
	// A Go template is not a manifest: the walk counts a loose Helm
	// template as a chart not rendered.
	return head != nil && !strings.HasSuffix(strings.ToLower(path), ".template") &&
		!helmTemplate(path, head) && kubernetes.Detect(head)
}

func (kubernetesAdapter) Parse(_ context.Context, files *Files) Parsed {
	var out Parsed
	files.Each(func(rel string, data []byte) {
		rs, unmapped, errs := kubernetes.ParseWithUnmapped(rel, data)
		out.Resources = append(out.Resources, rs...)
		out.Unjudged = append(out.Unjudged, unmapped...)
		out.Errors = append(out.Errors, errs...)
	})
	return out
}

// Finish gives namespaces the network policies in them and declares the
// namespaces objects use but no manifest declares.
func (kubernetesAdapter) Finish(rs []*model.Resource) []*model.Resource {
	return kubernetes.Finalize(rs)
}

// helmTemplate tells a Helm template met outside a chart (in a templates
// directory, with template actions). CloudFormation, tried first, keeps
// its templates/ files holding {{resolve:...}} references.
func helmTemplate(path string, head []byte) bool {
	return filepath.Base(filepath.Dir(path)) == "templates" && bytes.Contains(head, []byte("{{"))
}
