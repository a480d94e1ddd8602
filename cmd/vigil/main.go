// Command vigil is the Vigil CSPM: it scans Infrastructure-as-Code (and,
// later, live clouds) for misconfigurations with Rego policies.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/vigil-sec/vigil/internal/buildinfo"
)

// exitError carries an exit code through cobra.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

// usageError is a problem with how Vigil was called (exit code 2).
func usageError(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}

func main() {
	root := newRoot()
	if err := root.Execute(); err != nil {
		code := 2
		var ee *exitError
		if errors.As(err, &ee) {
			code = ee.code
			if ee.err == nil {
				os.Exit(code)
			}
		}
		fmt.Fprintln(os.Stderr, "vigil:", err)
		os.Exit(code)
	}
}

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "vigil",
		Short: "Vigil finds cloud misconfigurations before and after they ship",
		Long: `Vigil is a Cloud Security Posture Management tool. It reads Terraform,
Terraform plans, CloudFormation and Kubernetes manifests into one normalized
resource model and judges them with Rego policies mapped to CIS, PCI DSS and
NIST 800-53.

Start with:
  vigil scan examples/terraform        scan a directory
  vigil rules list                     see the built-in rules
  vigil schema aws.s3.bucket           see what a rule can read`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newScanCmd(), newRulesCmd(), newSchemaCmd(), newTestCloudCmd(), newVersionCmd())
	root.AddCommand(newHistoryCmd(), newInventoryCmd(), newQueryCmd())
	root.AddCommand(inventoryCommands()...)
	// --version prints what `vigil version` prints. It is a flag of our
	// own, not cobra's version template: executing any text/template makes
	// the linker keep every exported method of every type (reflect's
	// MethodByName), which tripled the binary and the start-up it costs.
	root.Flags().Bool("version", false, "print the version, as the version command does")
	root.RunE = func(cmd *cobra.Command, _ []string) error {
		if v, _ := cmd.Flags().GetBool("version"); v {
			fmt.Fprint(cmd.OutOrStdout(), buildinfo.Get())
			return nil
		}
		return cmd.Help()
	}
	return root
}
