package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/vigil-sec/vigil/internal/testcloud/aws"
)

func newTestCloudCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "testcloud",
		Short: "Vigil's own fake AWS, for trying rules and collectors without a cloud",
		Long: `The test cloud speaks the AWS wire protocols (query, EC2, JSON, REST-JSON,
REST-XML and RPCv2 CBOR) for every operation Vigil's collector calls, and
answers from a declarative world file: accounts, regions, and resources in
the shapes of the AWS APIs. It also misbehaves on request: latency, AWS-like
throttling, AccessDenied, regions that hang.

examples/aws-demo/world.yaml is a small organization to start from
(vigil scan aws --demo scans it in-process); vigil testcloud generate
writes large ones.`,
	}
	cmd.AddCommand(newTestCloudServeCmd(), newTestCloudGenerateCmd())
	return cmd
}

func newTestCloudServeCmd() *cobra.Command {
	var world, addr string
	var latency, jitter time.Duration
	var awsLimits bool
	serve := &cobra.Command{
		Use:   "serve --world FILE",
		Short: "Serve a world of fake AWS accounts on loopback",
		Long: `Serve answers the AWS wire protocols from a world file, so the real collector
(or any AWS SDK or the AWS CLI) can scan it: point it at the address with
AWS_ENDPOINT_URL and the access key of one of the world's accounts. STS
AssumeRole works into every account of the world, and the account holding
organizations data is the management account, so --organization scans work.

A world file:

  regions: [us-east-1, eu-west-1]
  accounts:
    - id: "111111111111"
      access_key: AKIAEXAMPLE000000001
      resources:
        global:                       # account-wide services: iam, organizations, ...
          iam: {users: [...], roles: [...], password_policy: {...}}
        eu-west-1:
          ec2: {instances: [{InstanceId: i-0123, MetadataOptions: {HttpTokens: optional}}]}
          s3: {buckets: [{name: my-bucket, policy: '{...}'}]}
  faults:                             # optional
    latency: 30ms
    jitter: 10ms
    rate_limits: {ec2: {rate: 20, burst: 100, per_operation: true}, default: {rate: 50, burst: 100}}
    deny: [{service: s3, operation: GetBucketPolicy}]
    hang_regions: [ap-south-1]

Resources use the API's own member names (as in the AWS API reference);
unknown fields are errors. Request counts are served as JSON on
/_testcloud/stats.`,
		Example: `  vigil testcloud serve --world examples/aws-demo/world.yaml
  AWS_ENDPOINT_URL=http://127.0.0.1:4599 AWS_ACCESS_KEY_ID=AKIADEMOMANAGEMENT01 AWS_SECRET_ACCESS_KEY=x \
    vigil scan aws --assume-role OrganizationAccountAccessRole --organization
  vigil testcloud serve --world big.yaml --latency 30ms --aws-rate-limits`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if world == "" {
				return usageError("--world is required")
			}
			w, err := aws.LoadWorld(world)
			if err != nil {
				return usageError("%v", err)
			}
			if cmd.Flags().Changed("latency") {
				w.Faults.Latency = aws.Duration(latency)
			}
			if cmd.Flags().Changed("jitter") {
				w.Faults.Jitter = aws.Duration(jitter)
			}
			if awsLimits {
				w.Faults.RateLimits = aws.AWSRateLimits()
			}
			l, err := net.Listen("tcp", addr)
			if err != nil {
				return usageError("--addr: %v", err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "test cloud serving %d account(s) in %d region(s) on http://%s (Ctrl-C stops it)\n",
				len(w.Accounts), len(w.Regions), l.Addr())
			for _, a := range w.Accounts {
				fmt.Fprintf(cmd.OutOrStdout(), "  %s %-20s AWS_ACCESS_KEY_ID=%s\n", a.ID, a.Name, a.AccessKey)
			}
			srv := &http.Server{Handler: aws.NewServer(w), ReadHeaderTimeout: 10 * time.Second}
			return srv.Serve(l)
		},
	}
	fl := serve.Flags()
	fl.StringVar(&world, "world", "", "world file (YAML)")
	fl.StringVar(&addr, "addr", "127.0.0.1:4599", "address to listen on (loopback by default)")
	fl.DurationVar(&latency, "latency", 0, "delay every answer by this much (overrides the world's faults.latency)")
	fl.DurationVar(&jitter, "jitter", 0, "add up to this much random delay (overrides faults.jitter)")
	fl.BoolVar(&awsLimits, "aws-rate-limits", false, "throttle like AWS's published request quotas (replaces faults.rate_limits)")
	return serve
}

func newTestCloudGenerateCmd() *cobra.Command {
	var o aws.GenerateOptions
	var out string
	gen := &cobra.Command{
		Use:   "generate",
		Short: "Write a generated world of N resources, for benchmarks and load tests",
		Long: `Generate writes a realistic world: the resource mix of a real estate (many
security groups, instances, volumes, snapshots, roles, policies, buckets,
and some keys, queues, functions and log groups) spread over the accounts
and regions, with a known share misconfigured (open SSH, IMDSv1 on public
instances, unencrypted volumes, public snapshots and buckets, roles trusted
by a foreign account, admin policies, users without MFA and with old keys,
keys without rotation). The same seed gives the same world. The first
account is the organization's management account.`,
		Example: `  vigil testcloud generate --resources 10000 --accounts 2 --regions 4 --seed 1 -o world.yaml
  vigil testcloud serve --world world.yaml --latency 30ms --aws-rate-limits`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			w, sum, err := aws.Generate(o)
			if err != nil {
				return usageError("%v", err)
			}
			b, err := w.Marshal()
			if err != nil {
				return err
			}
			if out == "" || out == "-" {
				_, err = cmd.OutOrStdout().Write(b)
				return err
			}
			if err := os.WriteFile(out, b, 0o644); err != nil {
				return err
			}
			bad := 0
			for _, n := range sum.Misconfigured {
				bad += n
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s: %d resources (%d misconfigured) in %d account(s) and %d region(s)\n",
				out, sum.Total(), bad, o.Accounts, o.Regions)
			return nil
		},
	}
	fl := gen.Flags()
	fl.IntVar(&o.Resources, "resources", 1000, "resources to generate")
	fl.IntVar(&o.Accounts, "accounts", 2, "accounts")
	fl.IntVar(&o.Regions, "regions", 2, "regions (at most 8)")
	fl.Uint64Var(&o.Seed, "seed", 1, "seed: the same seed gives the same world")
	fl.Float64Var(&o.Misconfigured, "misconfigured", 0.1, "share of resources given a misconfiguration (0 to 1)")
	fl.StringVarP(&out, "output", "o", "", "file to write (default: standard output)")
	return gen
}
