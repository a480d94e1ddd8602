# Helpers over normalized IAM policy documents (model.PolicyDocument):
# statements[].effect, principals{AWS,Service,Federated,CanonicalUser},
# actions, not_actions, resources, conditions[]{operator,key,values} with
# lower-case condition keys.
package vigil.lib.iam

# Condition keys that pin a statement to known callers: a public principal
# with one of these is not open to the world.
restricting_keys := {
	"aws:sourcearn",
	"aws:sourceaccount",
	"aws:sourceowner",
	"aws:principalorgid",
	"aws:principalorgpaths",
	"aws:principalaccount",
	"aws:principalarn",
	"aws:sourcevpc",
	"aws:sourcevpce",
	"aws:sourceip",
	"aws:vpcsourceip",
	"aws:userid",
	"aws:username",
	"aws:sourceorgid",
	"aws:sourceorgpaths",
	"aws:resourceaccount",
	"aws:resourceorgid",
	"aws:calledvia",
	"sts:externalid",
	# AWS-managed KMS keys allow "*" but only callers of the owning account.
	"kms:calleraccount",
}

# Operators that never restrict: they match anything or test absence only.
non_restricting_operator(op) if startswith(lower(op), "null")

non_restricting_operator(op) if lower(op) == "bool"

is_allow(stmt) if lower(stmt.effect) == "allow"

is_deny(stmt) if lower(stmt.effect) == "deny"

# public_principal holds for an Allow statement whose principal is anyone:
# "*" as AWS principal or of any principal type.
public_principal(stmt) if {
	is_allow(stmt)
	some _, ids in stmt.principals
	some id in ids
	id == "*"
}

# A condition whose values are all "*" restricts nothing.
wildcard_values(c) if {
	count(c.values) > 0
	every v in c.values {
		v == "*"
	}
}

# restricting_condition holds when a condition limits who can use the
# statement (source account/arn/vpc/ip, organization, principal ...).
restricting_condition(stmt) if {
	some c in stmt.conditions
	restricting_keys[c.key]
	not non_restricting_operator(c.operator)
	not wildcard_values(c)
}

# public_statements: indexes of Allow statements open to anyone without a
# restricting condition.
public_statements(doc) := {i |
	some i, stmt in doc.statements
	public_principal(stmt)
	not restricting_condition(stmt)
}

# action_matches holds when one of actions (IAM patterns with * and ?)
# covers the action or pattern asked about. Case-insensitive like IAM.
action_matches(actions, pattern) if {
	some a in actions
	glob.match(lower(a), [], lower(pattern))
}

action_matches(actions, pattern) if {
	some a in actions
	lower(a) == lower(pattern)
}

# all_actions(stmt): the statement's Action covers every action: "*", or
# "*:*" (a service part and an action part that are both wildcards), which
# IAM evaluates alike.
all_actions(stmt) if {
	some a in object.get(stmt, "actions", [])
	all_actions_pattern(a)
}

all_actions_pattern(a) if regex.match(`^\*+(:\*+)?$`, a)

all_resources(stmt) if "*" in object.get(stmt, "resources", [])

# full_admin_statements: Allow "*" on "*".
full_admin_statements(doc) := {i |
	some i, stmt in doc.statements
	is_allow(stmt)
	all_actions(stmt)
	all_resources(stmt)
}

# wildcard_action_statements: Allow statements with action "*" or "svc:*".
wildcard_action_statements(doc) := {i |
	some i, stmt in doc.statements
	is_allow(stmt)
	some a in object.get(stmt, "actions", [])
	wildcard_action(a)
}

wildcard_action(a) if a == "*"

wildcard_action(a) if {
	parts := split(a, ":")
	count(parts) == 2
	parts[1] == "*"
}

# wildcard_actions(stmt): the wildcard actions of one statement.
wildcard_actions(stmt) := {a |
	some a in object.get(stmt, "actions", [])
	wildcard_action(a)
}

# denies_insecure_transport: some Deny statement applies when
# aws:SecureTransport is false.
denies_insecure_transport(doc) if {
	some stmt in doc.statements
	is_deny(stmt)
	some c in stmt.conditions
	c.key == "aws:securetransport"
	lower(c.operator) in {"bool", "boolifexists"}
	some v in c.values
	lower(v) == "false"
}

# principal_values: every principal id of a statement, of any type.
principal_values(stmt) := {id |
	some _, ids in stmt.principals
	some id in ids
}

# account_of extracts the account id from an AWS principal
# (arn:aws:iam::123456789012:root, or a bare 12-digit id).
account_of(p) := acct if {
	parts := split(p, ":")
	count(parts) >= 5
	startswith(p, "arn:")
	acct := parts[4]
	acct != ""
}

account_of(p) := p if regex.match(`^[0-9]{12}$`, p)

# has_condition_key: the statement has a condition on key (lower-case).
has_condition_key(stmt, key) if {
	some c in stmt.conditions
	c.key == key
}

# identity_documents: [path, document] pairs of the identity policies a
# resource carries: a managed policy's document, and the inline policies of
# a role, user or group. Paths are relative to attributes.
identity_documents(attrs) := {[p, d] |
	d := attrs.document
	d != null
	p := "document"
} | {[p, d] |
	some j, ip in attrs.inline_policies
	d := ip.document
	d != null
	p := sprintf("inline_policies[%d].document", [j])
}

# label names an IAM resource for messages: "role deploy", "policy app".
label(res) := sprintf("%s %s", [split(res.kind, ".")[2], res.name])
