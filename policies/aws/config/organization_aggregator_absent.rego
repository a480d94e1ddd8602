# METADATA
# title: No AWS Config aggregator collects the organization
# description: >-
#   Neither the management account nor a delegated administrator account of AWS Config has a
#   configuration aggregator whose source is the organization, so no single view shows the
#   configuration and compliance of every member account and region, and a member account's
#   drift or unrecorded region goes unseen. The verdict lands on the organization, read from its
#   management account. An aggregator of a delegated administrator counts when that account was
#   scanned too (an organization scan); when it was not, there is no verdict. Live scans only; no
#   verdict when the aggregators could not be listed.
# custom:
#   id: AWS-CONFIG-003
#   severity: low
#   kinds: [aws.organizations.organization]
#   remediation: >-
#     Create an AWS Config aggregator with an organization aggregation source over all regions
#     (aws_config_configuration_aggregator with organization_aggregation_source, all_regions = true)
#     in the management account or in the account registered as Config's delegated administrator.
#   references:
#     - https://docs.aws.amazon.com/config/latest/developerguide/aggregate-data.html
#     - https://docs.aws.amazon.com/config/latest/developerguide/set-up-aggregator-console.html
#   compliance:
#     nist-800-53-r5: ["CM-8", "CA-7"]
package vigil.rules.aws.config.organization_aggregator_absent

whole_organization := {"live", "snapshot"}

config_principals := {"config.amazonaws.com", "config-multiaccountsetup.amazonaws.com"}

# aggregates: the account has an aggregator over the organization.
aggregates(acct) if {
	some a in data.inventory.accounts[acct].kinds["aws.config.aggregator"]
	a.attributes.organization_source
}

aggregated if aggregates(input.account)

aggregated if {
	some d in input.attributes.delegated_administrators
	some sp in d.service_principals
	config_principals[sp]
	aggregates(d.account_id)
}

# delegate_unscanned: Config's delegated administrator was not scanned
# (every scanned account has its aws.account).
delegate_unscanned if {
	some d in input.attributes.delegated_administrators
	some sp in d.service_principals
	config_principals[sp]
	count(object.get(data.inventory.accounts, [d.account_id, "kinds", "aws.account"], {})) == 0
}

deny contains {"msg": msg, "path": "delegated_administrators"} if {
	whole_organization[input.source]
	not aggregated
	not delegate_unscanned
	msg := sprintf("no AWS Config aggregator collects organization %s, in the management account or Config's delegated administrator", [input.name])
}

deny contains {"msg": "AWS Config's delegated administrator account was not scanned: its aggregators are not known", "unknown": true} if {
	whole_organization[input.source]
	not aggregated
	delegate_unscanned
}

deny contains {"msg": "an IaC configuration may declare only some of the organization's aggregators", "unknown": true} if {
	not whole_organization[input.source]
}
