# METADATA
# title: "ECS Fargate service pinned to an older platform version"
# description: "A Fargate platform version is the kernel, container runtime and agent the service's tasks run on; AWS patches only the current ones and retires the old. A service asking for LATEST gets the newest at each deployment; one pinned to an earlier version keeps the fixes it was deployed with. The latest versions are 1.4.0 on Linux and 1.0.0 on Windows (Linux's 1.0.0 is its oldest: where the tasks' family is not stated, a service on 1.0.0 gets no verdict)."
# custom:
#   id: AWS-ECS-020
#   severity: medium
#   kinds: [aws.ecs.service]
#   remediation: "Leave the platform version to its default, LATEST (platform_version on aws_ecs_service, PlatformVersion on AWS::ECS::Service), or set 1.4.0 (Linux) or 1.0.0 (Windows), and redeploy the service."
#   references: [https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-fargate.html, https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-10, https://docs.aws.amazon.com/config/latest/developerguide/ecs-fargate-latest-platform-version.html]
#   compliance:
#     aws-fsbp: ["ECS.10"]
#     nist-800-53-r5: ["SI-2", "SI-2(2)", "SI-2(4)", "SI-2(5)"]
package vigil.rules.aws.ecs.fargate_platform_version

# The latest Fargate platform version of each operating system family, as
# AWS documents them in 2026 (Linux 1.4.0 since April 2020; Windows 1.0.0).
latest_linux := "1.4.0"

latest_windows := "1.0.0"

windows(family) if startswith(upper(family), "WINDOWS")

current(a) if a.platform_version == "LATEST"

current(a) if a.platform_version == latest_linux

current(a) if {
	a.platform_version == latest_windows
	windows(a.platform_family)
}

deny contains {"msg": sprintf("ECS service %s runs on Fargate platform version %s, not LATEST or the latest (%s on Linux, %s on Windows)", [object.get(input, "name", input.id), a.platform_version, latest_linux, latest_windows]), "path": "platform_version"} if {
	a := input.attributes
	a.platform_version != ""
	not current(a)
	not a.platform_version == latest_windows
}

# Linux's 1.0.0 or Windows' 1.0.0: the family decides.
deny contains {"msg": sprintf("ECS service %s runs on Fargate platform version 1.0.0 on %s, Linux's oldest", [object.get(input, "name", input.id), a.platform_family]), "path": "platform_version"} if {
	a := input.attributes
	a.platform_version == latest_windows
	a.platform_family != ""
	not windows(a.platform_family)
}

deny contains {"msg": "Fargate platform version 1.0.0 without the tasks' operating system family", "unknown": true} if {
	a := input.attributes
	a.platform_version == latest_windows
	a.platform_family == ""
}

deny contains {"msg": "a Fargate service without its platform version", "unknown": true} if {
	input.attributes.launch_type == "FARGATE"
	input.attributes.platform_version == ""
}
