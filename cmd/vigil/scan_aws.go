package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	awscollect "github.com/vigil-sec/vigil/collect/aws"
	"github.com/vigil-sec/vigil/internal/gctarget"
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
	gctarget.Apply(gctarget.Collection)
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
	return s.run(cmd, rf, &scan.AWS{Options: opts})
}
