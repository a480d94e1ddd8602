package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/spf13/cobra"

	awscollect "github.com/vigil-sec/vigil/collect/aws"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/scan"
)

type awsFlags struct {
	profile, assumeRole, externalID              string
	regions, services, accounts                  []string
	organization, demo                           bool
	concurrency, accountConcurrency, maxInFlight int
	callTimeout                                  time.Duration
}

func newScanAWSCmd(rf *reportFlags) *cobra.Command {
	var f awsFlags
	cmd := &cobra.Command{
		Use:   "aws",
		Short: "Scan a live AWS estate (read-only): every account, every region",
		Long: `Scan AWS reads the accounts the credentials reach, read-only, into the same
normalized resources the IaC adapters produce, and judges them with the same
rules. Credentials come from the standard chain (environment, shared config
and --profile, SSO, web identity, instance and container roles); the
read-only actions needed are listed in docs/aws-iam-policy.json.

Regions default to every region enabled for the account. AWS_ENDPOINT_URL
and AWS_ENDPOINT_URL_<SERVICE> are honoured, so Vigil also scans LocalStack
or moto.

Anything that cannot be read (AccessDenied on one service, an opt-in region,
a timeout, throttling that outlasts the retries) becomes a collection error
in the report — account, region, service, operation and AWS's error code —
and the scan goes on with the rest. A scan that read nothing (every
account failed, no resource read) exits 2 whatever --fail-on says;
--fail-on-errors exits 3 on any collection error (see vigil scan --help).

--demo scans a made-up organization (examples/aws-demo/world.yaml: a
management and two member accounts, two regions) that Vigil's own test cloud
serves on loopback. The real collector reads it over the real AWS protocols;
no AWS account is contacted and no credentials are needed.`,
		Example: `  vigil scan aws --demo          # no AWS account needed: a made-up organization
  vigil scan aws
  vigil scan aws --profile audit --regions eu-west-1,us-east-1
  vigil scan aws --services s3,iam,ec2 --format json -o aws.json
  vigil scan aws --assume-role VigilAudit --accounts 111111111111,222222222222
  vigil scan aws --assume-role VigilAudit --organization --external-id "$EXT_ID"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runAWSScan(cmd, rf, &f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.profile, "profile", "", "shared config profile (default: the standard credential chain)")
	fl.StringSliceVar(&f.regions, "regions", nil, "regions to scan, comma-separated (default: every enabled region)")
	fl.StringSliceVar(&f.services, "services", nil, "services to scan, comma-separated (default: all; see vigil scan aws services)")
	fl.StringVar(&f.assumeRole, "assume-role", "", "role name to assume in each account of --accounts or --organization")
	fl.StringSliceVar(&f.accounts, "accounts", nil, "account ids to scan through --assume-role")
	fl.BoolVar(&f.organization, "organization", false, "scan every active account of the organization (organizations:ListAccounts) through --assume-role")
	fl.StringVar(&f.externalID, "external-id", "", "sts:ExternalId for --assume-role")
	fl.IntVar(&f.concurrency, "concurrency", 16, "API workers per account across regions and services")
	fl.IntVar(&f.accountConcurrency, "account-concurrency", 4, "accounts scanned at once")
	fl.IntVar(&f.maxInFlight, "max-in-flight", 32, "API requests in flight per account, retries included")
	fl.BoolVar(&f.demo, "demo", false, "scan the built-in demo organization served by Vigil's test cloud on loopback (no AWS account needed)")
	fl.DurationVar(&f.callTimeout, "call-timeout", time.Minute, "timeout of one API operation, retries included (time queued for an in-flight slot not counted); an endpoint or region that answers nothing within it is cut off for the rest of the scan")
	cmd.AddCommand(&cobra.Command{
		Use:   "services",
		Short: "List the AWS services Vigil collects",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			for _, s := range awscollect.Services() {
				fmt.Fprintln(cmd.OutOrStdout(), s)
			}
		},
	})
	return cmd
}

func runAWSScan(cmd *cobra.Command, rf *reportFlags, f *awsFlags) error {
	if f.concurrency < 1 || f.accountConcurrency < 1 || f.maxInFlight < 1 {
		return usageError("--concurrency, --account-concurrency and --max-in-flight must be at least 1")
	}
	s, err := begin(cmd, rf)
	if err != nil {
		return err
	}
	defer s.close()
	opts := awscollect.Options{
		Profile:            f.profile,
		Regions:            f.regions,
		Services:           f.services,
		AssumeRole:         f.assumeRole,
		Accounts:           f.accounts,
		Organization:       f.organization,
		ExternalID:         f.externalID,
		Concurrency:        f.concurrency,
		AccountConcurrency: f.accountConcurrency,
		MaxInFlight:        f.maxInFlight,
		CallTimeout:        f.callTimeout,
	}
	if f.demo {
		if err := startDemo(cmd, s, f, rf.quiet, &opts); err != nil {
			return err
		}
	}
	s.progress.log("collecting AWS resources")
	var mu sync.Mutex
	lastLogged, found, failed := 0, 0, 0
	opts.Progress = func(ev awscollect.Event) {
		mu.Lock()
		defer mu.Unlock()
		found += ev.Resources
		failed += ev.Errors
		// Running totals, then the unit (account, region, service) that
		// just finished.
		line := fmt.Sprintf("[%d/%d] %d resources, %d errors — %s %s %s", ev.Done, ev.Total, found, failed, ev.Account, ev.Region, ev.Service)
		if ev.Errors > 0 {
			line += fmt.Sprintf(" (%d errors)", ev.Errors)
		}
		// A log gets a line for every unit with errors and every tenth
		// of the work; a terminal shows every unit.
		if s.progress.logging {
			if ev.Errors > 0 || ev.Done*10/max(ev.Total, 1) > lastLogged*10/max(ev.Total, 1) || ev.Done == ev.Total {
				s.progress.log(line)
				lastLogged = ev.Done
			}
			return
		}
		s.progress.status(line)
	}
	res, err := awscollect.Collect(s.ctx, opts)
	if err != nil {
		s.progress.done()
		var rulesErr *exitError
		if errors.As(context.Cause(s.ctx), &rulesErr) {
			return rulesErr // the rules failed to load and stopped the collection
		}
		return &exitError{code: 2, err: err}
	}
	s.progress.log(fmt.Sprintf("collected %d resources from %d account(s) and %d region(s) in %s: %d API calls, %d collection errors",
		len(res.Resources), len(res.Accounts), len(res.Regions), res.Duration.Round(time.Millisecond), res.Calls, len(res.Errors)))
	in := &scan.Input{Resources: res.Resources, Sources: []string{"aws"}, Errors: collectionErrors(res.Errors),
		NothingScanned: nothingInAWS(res)}
	sopts := s.options(rf)
	for _, a := range res.Accounts {
		sopts.Targets = append(sopts.Targets, "aws:"+a)
	}
	return s.finish(cmd, rf, sopts, in)
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
