# METADATA
# title: "EKS cluster runs a Kubernetes version past its end of standard support"
# description: "Amazon EKS supports a Kubernetes minor version for 14 months after its release (standard support), then for 12 more at an extra charge per cluster hour (extended support); after that EKS upgrades the control plane on its own schedule. A cluster past standard support runs a version the Kubernetes project no longer patches, pays for extended support, and faces a forced upgrade; past extended support it gets no fixes at all. A version newer than the table below is taken as supported; a cluster whose IaC leaves the version to EKS's default (the latest) is not judged."
# custom:
#   id: AWS-EKS-020
#   severity: medium
#   kinds: [aws.eks.cluster]
#   remediation: "Upgrade the cluster one minor version at a time (version on aws_eks_cluster, Version on AWS::EKS::Cluster) to a version in standard support, with its add-ons and node groups, after checking the deprecated APIs each release removes."
#   references: [https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html, https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-2]
#   compliance:
#     aws-fsbp: ["EKS.2"]
#     pci-dss-4.0: ["6.3.3"]
#     nist-800-53-r5: ["SA-22", "SI-2"]
package vigil.rules.aws.eks.unsupported_version

# End of standard and of extended support per minor version, from the
# Amazon EKS Kubernetes release calendar (docs.aws.amazon.com/eks/latest/
# userguide/kubernetes-versions.html), as published in early 2026.
# Versions before 1.23 had left all support before extended support
# existed. Add each new version as EKS announces it.
calendar := {
	"1.23": ["2023-10-11", "2024-10-11"],
	"1.24": ["2024-01-31", "2025-01-31"],
	"1.25": ["2024-05-01", "2025-05-01"],
	"1.26": ["2024-06-11", "2025-06-11"],
	"1.27": ["2024-07-24", "2025-07-24"],
	"1.28": ["2024-11-26", "2025-11-26"],
	"1.29": ["2025-03-23", "2026-03-23"],
	"1.30": ["2025-07-23", "2026-07-23"],
	"1.31": ["2025-11-26", "2026-11-26"],
	"1.32": ["2026-03-23", "2027-03-23"],
	"1.33": ["2026-07-29", "2027-07-29"],
	"1.34": ["2026-12-02", "2027-12-02"],
	"1.35": ["2027-03-27", "2028-03-27"],
}

day_ns(d) := time.parse_ns("2006-01-02", d)

# The minor version as [major, minor] numbers ("1.29", "1.29.3").
minor(v) := [to_number(p[1]), to_number(p[2])] if {
	p := regex.find_all_string_submatch_n(`^(\d+)\.(\d+)`, v, 1)[0]
}

key(v) := sprintf("%d.%d", minor(v))

older_than_calendar(v) if {
	m := minor(v)
	m[0] == 1
	m[1] < 23
}

deny contains {"msg": sprintf("EKS cluster %s runs Kubernetes %s, out of all EKS support", [object.get(input, "name", input.id), input.attributes.version]), "path": "version"} if {
	older_than_calendar(input.attributes.version)
}

deny contains {"msg": msg, "path": "version"} if {
	dates := calendar[key(input.attributes.version)]
	now := time.now_ns()
	now >= day_ns(dates[0])
	msg := sprintf("EKS cluster %s runs Kubernetes %s, past the end of standard support on %s%s", [
		object.get(input, "name", input.id), input.attributes.version, dates[0],
		extended_note(now, dates[1]),
	])
}

extended_note(now, end) := sprintf(" (extended support, at extra cost, until %s)", [end]) if now < day_ns(end)

extended_note(now, end) := sprintf(" and of extended support on %s", [end]) if now >= day_ns(end)

deny contains {"msg": "the Kubernetes version is left to EKS's default", "unknown": true} if {
	input.attributes.version == ""
}
