# METADATA
# title: "Amazon EMR cluster does not use Kerberos authentication"
# description: "Without Kerberos, the cluster's applications (HDFS, YARN, Hive, Spark) trust the user name a client claims: anyone who reaches the cluster can act as any user."
# custom:
#   id: AWS-EMR-004
#   severity: low
#   kinds: [aws.emr.cluster]
#   remediation: "Use a security configuration with a Kerberos authentication configuration and set kerberos_attributes (realm) on the cluster."
#   references: [https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-kerberos.html]
#   compliance:
#     nist-800-53-r5: ["IA-2", "IA-3"]
package vigil.rules.aws.emr.cluster_no_kerberos

deny contains {"msg": sprintf("Amazon EMR cluster %s does not use Kerberos authentication", [object.get(input, "name", input.id)]), "path": "kerberos"} if {
	not input.attributes.kerberos
}
