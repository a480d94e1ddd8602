# METADATA
# title: "Transfer Family server accepts plain FTP"
# description: "FTP sends user names, passwords and file contents unencrypted, so anyone on the network path can read or alter them. Use SFTP or FTPS (AWS Security Hub Transfer.2)."
# custom:
#   id: AWS-TRANSFER-001
#   severity: high
#   kinds: [aws.transfer.server]
#   remediation: "Remove FTP from the server's protocols; move its users to SFTP or FTPS."
#   references: [https://docs.aws.amazon.com/transfer/latest/userguide/create-server-ftp.html]
#   compliance:
#     aws-fsbp: ["Transfer.2"]
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "IA-5(1)"]
#     pci-dss-4.0: ["4.2.1"]
package vigil.rules.aws.transfer.server_ftp_enabled

deny contains {"msg": sprintf("Transfer Family server %s accepts unencrypted FTP", [object.get(input, "name", input.id)]), "path": "protocols"} if {
	"FTP" in input.attributes.protocols
}
