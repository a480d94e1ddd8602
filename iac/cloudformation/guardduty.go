package cloudformation

import (
	"fmt"

	"github.com/vigil-sec/vigil/model"
)

func init() {

	// A detector's protection plans come from its DataSources (the older
	// form) and its Features, which name a plan as GetDetector does; a
	// plan the template leaves to AWS is unknown.
	parent("AWS::GuardDuty::Detector", model.KindGuardDutyDetector, func(b *builder) {
		a := model.KindGuardDutyDetector.Must(b.target)
		a.Enabled = b.boolean("Enable", "enabled", false)
		for _, ds := range []struct{ prop, feature string }{
			{"DataSources.S3Logs.Enable", model.GuardDutyS3DataEvents},
			{"DataSources.Kubernetes.AuditLogs.Enable", model.GuardDutyEKSAuditLogs},
			{"DataSources.MalwareProtection.ScanEc2InstanceWithFindings.EbsVolumes", model.GuardDutyEBSMalwareProtection},
		} {
			if v, ok := b.val(ds.prop, model.GuardDutyFeaturePaths(ds.feature)[0]); ok {
				a.SetFeature(ds.feature, asBool(v, false), nil)
			}
		}
		for i := range b.count("Features", "") {
			base := fmt.Sprintf("Features[%d]", i)
			name := b.str(base+".Name", "", "")
			paths := model.GuardDutyFeaturePaths(name)
			if len(paths) == 0 {
				continue
			}
			status, ok := b.val(base+".Status", paths[0])
			for _, p := range paths {
				b.locate(base, p)
			}
			if !ok {
				for _, p := range paths {
					b.target.MarkUnknown(p)
				}
				continue
			}
			agents := map[string]bool{}
			for j := range b.count(base+".AdditionalConfiguration", "") {
				ac := fmt.Sprintf("%s.AdditionalConfiguration[%d]", base, j)
				// An agent not known before deployment stays out: the
				// plan it decides is null, so unknown.
				n, nok := b.val(ac+".Name", "")
				s, sok := b.val(ac+".Status", "")
				if nok && sok {
					ns, _ := scalarString(n)
					ss, _ := scalarString(s)
					agents[ns] = ss == "ENABLED"
				}
			}
			s, _ := scalarString(status)
			a.SetFeature(name, s == "ENABLED", agents)
		}
		for _, p := range a.NullPlans() {
			b.target.MarkUnknown(p)
		}
	})
}
