package scan

import (
	"context"
	"fmt"

	awscollect "github.com/vigil-sec/vigil/collect/aws"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/store"
)

// AWS reads a live AWS estate with the collector. Options.Progress is
// replaced: progress comes out as scan events.
type AWS struct {
	Options awscollect.Options
}

// Read collects. An error means the collection could not run at all
// (no credentials, a canceled context); what could not be read in an
// account, region or service is in Input.Errors.
func (s *AWS) Read(ctx context.Context, emit func(Event)) (*Input, error) {
	emit(Event{Kind: EventReadStarted, Source: "aws"})
	emit(Event{Kind: EventKinds, Source: "aws", Kinds: awscollect.KindsOf(s.Options.Services)})
	opts := s.Options
	opts.Progress = func(ev awscollect.Event) {
		emit(Event{Kind: EventUnitDone, Source: "aws",
			Unit:      &model.Unit{Provider: "aws", Account: ev.Account, Region: ev.Region, Service: ev.Service},
			Resources: ev.Resources, Errors: ev.Errors, Done: ev.Done, Total: ev.Total})
	}
	res, err := awscollect.Collect(ctx, opts)
	if err != nil {
		return nil, err
	}
	emit(Event{Kind: EventReadDone, Source: "aws", Resources: len(res.Resources), Errors: len(res.Errors),
		Accounts: len(res.Accounts), Regions: len(res.Regions), Calls: res.Calls, Duration: res.Duration})
	in := &Input{Resources: res.Resources, Sources: []string{"aws"}, Errors: collectionErrors(res.Errors),
		NothingScanned: nothingInAWS(res), Units: res.Units}
	for _, a := range res.Accounts {
		in.Targets = append(in.Targets, "aws:"+a)
	}
	in.Scope, in.Kind = store.LiveScope("aws", res.Accounts, s.Options.Regions), "live"
	return in, nil
}

func collectionErrors(errs []awscollect.CollectionError) []model.ScanError {
	out := make([]model.ScanError, 0, len(errs))
	for _, e := range errs {
		out = append(out, model.ScanError{Message: e.Code + ": " + e.Message, Source: "aws " + e.Where(),
			Account: e.Account, Region: e.Region, Service: e.Service, Operation: e.Operation, Code: e.Code,
			Resource: e.Resource, Kinds: e.Kinds})
	}
	return out
}

// nothingInAWS says why a live scan has nothing to judge, or "". Its
// errors are listed beside it.
func nothingInAWS(res *awscollect.Result) string {
	switch {
	case len(res.Resources) > 0:
		return ""
	case len(res.Accounts) == 0 && len(res.Errors) > 0:
		failed := map[string]bool{}
		for _, e := range res.Errors {
			failed[e.Account] = true
		}
		return fmt.Sprintf("every account failed: %s could not be scanned (%s)",
			plural(len(failed), "account"), plural(len(res.Errors), "collection error"))
	case len(res.Accounts) == 0:
		return "no account to scan"
	case len(res.Errors) > 0:
		return fmt.Sprintf("no resource could be read from %s (%s)",
			plural(len(res.Accounts), "account"), plural(len(res.Errors), "collection error"))
	}
	return fmt.Sprintf("%s read without error, but no resource Vigil collects was found in the selected regions and services",
		plural(len(res.Accounts), "account"))
}
