package tfaws

import "github.com/vigil-sec/vigil/model"

// GuardDuty detectors, their protection plans from the detector's
// datasources block (deprecated by the provider, still honoured) and from
// aws_guardduty_detector_feature, which names a plan as GetDetector's
// Features do. A plan the configuration leaves to AWS is unknown.
func init() {
	registerParent("aws_guardduty_detector", model.KindGuardDutyDetector, func(b *Builder) {
		a := model.KindGuardDutyDetector.Must(b.R)
		a.Enabled = b.Bool("enable", "enabled", true)
		for _, ds := range []struct{ tf, feature string }{
			{"datasources[0].s3_logs[0].enable", model.GuardDutyS3DataEvents},
			{"datasources[0].kubernetes[0].audit_logs[0].enable", model.GuardDutyEKSAuditLogs},
			{"datasources[0].malware_protection[0].scan_ec2_instance_with_findings[0].ebs_volumes[0].enable", model.GuardDutyEBSMalwareProtection},
		} {
			path := model.GuardDutyFeaturePaths(ds.feature)[0]
			if v, ok := b.value(ds.tf, path); ok {
				a.SetFeature(ds.feature, asBool(v, true, false), nil)
			}
		}
	})
	registerChild("aws_guardduty_detector_feature", "detector_id", []string{"aws_guardduty_detector"}, func(p *Builder, c *Child) {
		a := model.KindGuardDutyDetector.Must(p.R)
		name := c.String("name", "", "")
		paths := model.GuardDutyFeaturePaths(name)
		if len(paths) == 0 {
			return
		}
		status, ok := c.value("status", paths[0])
		agents := map[string]bool{}
		for _, ac := range c.Blocks("additional_configuration") {
			// An agent whose name or status is not known before apply
			// is left out: the plan it decides stays null, so unknown.
			n, _ := ac["name"].(string)
			if s, known := ac["status"].(string); known {
				agents[n] = s == "ENABLED"
			}
		}
		for _, path := range paths {
			locateBlock(c, path)
		}
		if !ok {
			for _, path := range paths {
				c.Target().MarkUnknown(path)
			}
			return
		}
		s, _ := status.(string)
		a.SetFeature(name, s == "ENABLED", agents)
	})
	finishers = append(finishers, func(all []*Builder) {
		for _, b := range all {
			if a, ok := model.KindGuardDutyDetector.Attrs(b.R); ok {
				for _, p := range a.NullPlans() {
					if !b.R.IsUnknown(p) {
						b.R.MarkUnknown(p)
					}
				}
			}
		}
	})
}
