package scan

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/vigil-sec/vigil/iac"
	"github.com/vigil-sec/vigil/iac/file"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/store"
)

// Source is where a scan reads resources from: IaC files, a live cloud.
// Read reports its progress through emit (which is never nil) and returns
// what it read. Only a scan that cannot start (no credentials, a canceled
// context) is an error; inputs that cannot be read are Input.Errors.
type Source interface {
	Read(ctx context.Context, emit func(Event)) (*Input, error)
}

// Input is what a scan judges, from whichever source.
type Input struct {
	Resources []*model.Resource
	// Errors are what could not be read; they never stop a scan.
	Errors []model.ScanError
	// Sources name what was read (terraform, cloudformation, aws ...).
	Sources []string
	// Targets name what was scanned: paths, or aws:ACCOUNT per account.
	Targets []string
	// NothingScanned, when set, says why nothing could be judged (no IaC
	// file, no account readable ...). The report carries it as an error
	// and the caller must not let the scan pass.
	NothingScanned string
	// Unjudged is what the source met but cannot be judged (resource
	// types no adapter maps, modules not found, charts not rendered).
	Unjudged []model.Unjudged
	// Units are the outcomes of a live source's units of collection.
	Units []model.UnitOutcome
	// Scope names what was read, for the store's history (store.LiveScope,
	// store.IaCScope); Kind is "live" or "iac".
	Scope, Kind string
}

// Read reads a source, reporting progress to opts.Progress. It does not
// need the engine, so a caller may compile the rules meanwhile and call
// Judge after.
func Read(ctx context.Context, src Source, opts Options) (*Input, error) {
	return src.Read(ctx, emitter(opts.Progress, opts.now()))
}

// IaC reads Infrastructure-as-Code files (Terraform, plans, CloudFormation,
// Kubernetes manifests) under Targets.
type IaC struct {
	Targets []string
	// Base is the directory file paths are reported relative to.
	Base    string
	Options iac.Options
}

// Read loads the targets' resources. Options.Progress, if set, is called
// too.
func (s *IaC) Read(ctx context.Context, emit func(Event)) (*Input, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	emit(Event{Kind: EventReadStarted, Source: "iac", Targets: s.Targets})
	opts := s.Options
	opts.Progress = func(p string) {
		if s.Options.Progress != nil {
			s.Options.Progress(p)
		}
		emit(Event{Kind: EventFile, Source: "iac", File: p})
	}
	opts.Kinds = func(kinds []string) {
		if s.Options.Kinds != nil {
			s.Options.Kinds(kinds)
		}
		emit(Event{Kind: EventKinds, Source: "iac", Kinds: kinds})
	}
	loaded := iac.Load(ctx, s.Base, s.Targets, opts)
	in := &Input{Resources: loaded.Resources, Targets: s.Targets, Unjudged: loaded.Unjudged,
		Scope: store.IaCScope(s.Targets), Kind: "iac"}
	for src, n := range loaded.Files {
		if n > 0 {
			in.Sources = append(in.Sources, src)
		}
	}
	sort.Strings(in.Sources)
	files := 0
	for _, e := range loaded.Errors {
		se := model.ScanError{Message: e.Error()}
		var fe *file.Error
		if errors.As(e, &fe) {
			se = model.ScanError{File: fe.File, Line: fe.Line, Message: fe.Message}
		}
		in.Errors = append(in.Errors, se)
	}
	for _, n := range loaded.Files {
		files += n
	}
	in.NothingScanned = nothingInIaC(s.Targets, files, len(in.Resources), in.Errors, in.Unjudged)
	emit(Event{Kind: EventReadDone, Source: "iac", Resources: len(in.Resources), Errors: len(in.Errors)})
	return in, nil
}

// nothingInIaC says why an IaC scan has nothing to judge, or "". What it
// met but could not judge is named: a tree of azurerm resources is not an
// empty tree.
func nothingInIaC(targets []string, files, resources int, errs []model.ScanError, unjudged []model.Unjudged) string {
	if resources > 0 {
		return ""
	}
	under := strings.Join(targets, ", ")
	problems := ""
	if len(errs) > 0 {
		problems = " (" + plural(len(errs), "problem") + " listed in the report)"
	}
	var why string
	switch {
	case files > 0 && len(unjudged) > 0:
		return fmt.Sprintf("%s found under %s, but nothing Vigil can judge: %s%s",
			plural(files, "IaC file"), under, model.DescribeUnjudged(unjudged), problems)
	case files == 0:
		why = "no IaC files (Terraform, Terraform plan JSON, CloudFormation, Kubernetes manifests) found under " + under
	case len(errs) > 0:
		bad := map[string]bool{}
		for _, e := range errs {
			if e.File != "" {
				bad[e.File] = true
			}
		}
		why = fmt.Sprintf("%s found under %s, but no resource could be read from them: %s (listed in the report)",
			plural(files, "IaC file"), under, plural(max(len(bad), 1), "file")+" could not be parsed")
	default:
		return fmt.Sprintf("%s found under %s, but they declare no resource Vigil maps (vigil schema lists the kinds)",
			plural(files, "IaC file"), under)
	}
	if len(unjudged) > 0 {
		why += "; not judged: " + model.DescribeUnjudged(unjudged)
	}
	return why
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
