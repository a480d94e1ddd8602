package model

// Attribute structs of Kubernetes kinds. Pointers are null when the manifest
// leaves the field unset, because Kubernetes gives "unset" a meaning of its
// own (inherit from the pod, or the cluster default).

// Kinds of Kubernetes objects. Several kinds share an attribute struct:
// every workload has KubernetesWorkload, so one rule covers them all.
var (
	KindKubernetesPod                   = NewKind[KubernetesWorkload]("kubernetes.pod", "Kubernetes workload (normalized pod-spec view)")
	KindKubernetesDeployment            = NewKind[KubernetesWorkload]("kubernetes.deployment", "Kubernetes workload (normalized pod-spec view)")
	KindKubernetesStatefulSet           = NewKind[KubernetesWorkload]("kubernetes.statefulset", "Kubernetes workload (normalized pod-spec view)")
	KindKubernetesDaemonSet             = NewKind[KubernetesWorkload]("kubernetes.daemonset", "Kubernetes workload (normalized pod-spec view)")
	KindKubernetesReplicaSet            = NewKind[KubernetesWorkload]("kubernetes.replicaset", "Kubernetes workload (normalized pod-spec view)")
	KindKubernetesJob                   = NewKind[KubernetesWorkload]("kubernetes.job", "Kubernetes workload (normalized pod-spec view)")
	KindKubernetesCronJob               = NewKind[KubernetesWorkload]("kubernetes.cronjob", "Kubernetes workload (normalized pod-spec view)")
	KindKubernetesReplicationController = NewKind[KubernetesWorkload]("kubernetes.replicationcontroller", "Kubernetes workload (normalized pod-spec view)")
	KindKubernetesRole                  = NewKind[KubernetesRole]("kubernetes.role", "Kubernetes RBAC Role")
	KindKubernetesClusterRole           = NewKind[KubernetesRole]("kubernetes.cluster_role", "Kubernetes RBAC ClusterRole")
	KindKubernetesRoleBinding           = NewKind[KubernetesRoleBinding]("kubernetes.role_binding", "Kubernetes RBAC RoleBinding")
	KindKubernetesClusterRoleBinding    = NewKind[KubernetesRoleBinding]("kubernetes.cluster_role_binding", "Kubernetes RBAC ClusterRoleBinding")
	KindKubernetesNamespace             = NewKind[KubernetesNamespace]("kubernetes.namespace", "Kubernetes namespace (declared or used)")
	KindKubernetesNetworkPolicy         = NewKind[KubernetesNetworkPolicy]("kubernetes.network_policy", "Kubernetes NetworkPolicy")
	KindKubernetesService               = NewKind[KubernetesService]("kubernetes.service", "Kubernetes Service")
	KindKubernetesServiceAccount        = NewKind[KubernetesServiceAccount]("kubernetes.service_account", "Kubernetes ServiceAccount")
)

// KubernetesWorkloadKinds are the kinds that carry a pod spec.
var KubernetesWorkloadKinds = []string{
	KindKubernetesPod.Name(),
	KindKubernetesDeployment.Name(),
	KindKubernetesStatefulSet.Name(),
	KindKubernetesDaemonSet.Name(),
	KindKubernetesReplicaSet.Name(),
	KindKubernetesJob.Name(),
	KindKubernetesCronJob.Name(),
	KindKubernetesReplicationController.Name(),
}

// KubernetesWorkload is the pod-spec view of every workload kind.
type KubernetesWorkload struct {
	Namespace string            `json:"namespace"`
	Labels    map[string]string `json:"labels"`
	PodLabels map[string]string `json:"pod_labels" doc:"labels of the pod template"`
	Replicas  *int              `json:"replicas"`
	PodSpec   PodSpec           `json:"pod_spec"`
}

// PodSpec is the normalized pod template.
type PodSpec struct {
	ServiceAccountName           string             `json:"service_account_name" doc:"empty means the namespace's default service account"`
	AutomountServiceAccountToken *bool              `json:"automount_service_account_token"`
	HostNetwork                  bool               `json:"host_network"`
	HostPID                      bool               `json:"host_pid"`
	HostIPC                      bool               `json:"host_ipc"`
	OS                           string             `json:"os" doc:"spec.os.name: linux, windows or empty (unstated)"`
	SecurityContext              PodSecurityContext `json:"security_context"`
	Containers                   []Container        `json:"containers" doc:"init, regular and ephemeral containers"`
	Volumes                      []Volume           `json:"volumes"`
}

// PodSecurityContext is the pod-level security context.
type PodSecurityContext struct {
	RunAsNonRoot       *bool    `json:"run_as_non_root"`
	RunAsUser          *int64   `json:"run_as_user"`
	RunAsGroup         *int64   `json:"run_as_group"`
	FSGroup            *int64   `json:"fs_group"`
	SeccompProfileType string   `json:"seccomp_profile_type" doc:"RuntimeDefault, Localhost, Unconfined or empty"`
	AppArmorProfile    string   `json:"apparmor_profile" doc:"RuntimeDefault, Localhost, Unconfined or empty"`
	Sysctls            []string `json:"sysctls" doc:"names of the sysctls the pod sets"`
	// SELinuxOptions is null when the pod sets none.
	SELinuxOptions *SELinuxOptions `json:"se_linux_options"`
	HostProcess    *bool           `json:"host_process" doc:"windowsOptions.hostProcess: a Windows HostProcess pod"`
}

// SELinuxOptions are the SELinux labels a pod or container asks for.
type SELinuxOptions struct {
	User  string `json:"user"`
	Role  string `json:"role"`
	Type  string `json:"type"`
	Level string `json:"level"`
}

// Container is one container of a pod spec.
type Container struct {
	Name                     string          `json:"name"`
	Type                     string          `json:"type" doc:"container, init or ephemeral"`
	Image                    string          `json:"image"`
	ImagePullPolicy          string          `json:"image_pull_policy"`
	Privileged               *bool           `json:"privileged"`
	AllowPrivilegeEscalation *bool           `json:"allow_privilege_escalation"`
	RunAsNonRoot             *bool           `json:"run_as_non_root"`
	RunAsUser                *int64          `json:"run_as_user"`
	ReadOnlyRootFilesystem   *bool           `json:"read_only_root_filesystem"`
	CapabilitiesAdd          []string        `json:"capabilities_add"`
	CapabilitiesDrop         []string        `json:"capabilities_drop"`
	SeccompProfileType       string          `json:"seccomp_profile_type"`
	AppArmorProfile          string          `json:"apparmor_profile" doc:"securityContext.appArmorProfile.type, else the pod's container.apparmor.security.beta.kubernetes.io annotation for it (runtime/default is RuntimeDefault, localhost/NAME Localhost, unconfined Unconfined)"`
	SELinuxOptions           *SELinuxOptions `json:"se_linux_options"`
	ProcMount                string          `json:"proc_mount" doc:"Default, Unmasked or empty"`
	HostProcess              *bool           `json:"host_process" doc:"windowsOptions.hostProcess"`
	Resources                Resources       `json:"resources"`
	Ports                    []ContainerPort `json:"ports"`
	LivenessProbe            bool            `json:"liveness_probe"`
	ReadinessProbe           bool            `json:"readiness_probe"`
	Env                      []EnvVar        `json:"env"`
}

// Resources are a container's requests and limits, as written.
type Resources struct {
	LimitsCPU      string `json:"limits_cpu"`
	LimitsMemory   string `json:"limits_memory"`
	RequestsCPU    string `json:"requests_cpu"`
	RequestsMemory string `json:"requests_memory"`
}

// ContainerPort is one declared port.
type ContainerPort struct {
	ContainerPort int    `json:"container_port"`
	HostPort      int    `json:"host_port"`
	Protocol      string `json:"protocol"`
}

// EnvVar is one environment variable; literal values are not kept, only
// whether one is set, so secrets never reach reports.
type EnvVar struct {
	Name          string `json:"name"`
	HasValue      bool   `json:"has_value" doc:"a literal value is set in the manifest"`
	FromSecret    bool   `json:"from_secret"`
	FromConfigMap bool   `json:"from_config_map"`
}

// Volume is one pod volume.
type Volume struct {
	Name     string `json:"name"`
	Type     string `json:"type" doc:"hostPath, emptyDir, secret, configMap, persistentVolumeClaim, projected ..."`
	HostPath string `json:"host_path" doc:"for hostPath volumes"`
}

// RBACRule is one rule of a Role or ClusterRole.
type RBACRule struct {
	APIGroups       []string `json:"api_groups"`
	Resources       []string `json:"resources"`
	Verbs           []string `json:"verbs"`
	ResourceNames   []string `json:"resource_names"`
	NonResourceURLs []string `json:"non_resource_urls"`
}

// KubernetesRole is kinds kubernetes.role and kubernetes.cluster_role.
type KubernetesRole struct {
	Namespace string     `json:"namespace" doc:"empty for cluster roles"`
	Rules     []RBACRule `json:"rules"`
}

// RBACSubject is one subject of a binding.
type RBACSubject struct {
	Kind      string `json:"kind" doc:"User, Group or ServiceAccount"`
	Name      string `json:"name"`
	Namespace string `json:"namespace"`
}

// KubernetesRoleBinding is kinds kubernetes.role_binding and
// kubernetes.cluster_role_binding.
type KubernetesRoleBinding struct {
	Namespace   string        `json:"namespace"`
	RoleRefKind string        `json:"role_ref_kind" doc:"Role or ClusterRole"`
	RoleRefName string        `json:"role_ref_name"`
	Subjects    []RBACSubject `json:"subjects"`
}

// KubernetesNamespace is kind kubernetes.namespace. The manifest adapter
// makes one for every namespace that is declared or used.
type KubernetesNamespace struct {
	Declared        bool              `json:"declared" doc:"a Namespace object exists in the scanned input"`
	NetworkPolicies []string          `json:"network_policies" doc:"names of NetworkPolicies in this namespace"`
	Workloads       int               `json:"workloads" doc:"number of workloads (objects with a pod template) in this namespace"`
	Labels          map[string]string `json:"labels"`
}

// KubernetesNetworkPolicy is kind kubernetes.network_policy.
type KubernetesNetworkPolicy struct {
	Namespace    string   `json:"namespace"`
	SelectsAll   bool     `json:"selects_all_pods" doc:"empty podSelector"`
	PolicyTypes  []string `json:"policy_types"`
	IngressRules int      `json:"ingress_rules"`
	EgressRules  int      `json:"egress_rules"`
}

// KubernetesService is kind kubernetes.service.
type KubernetesService struct {
	Namespace                string        `json:"namespace"`
	Type                     string        `json:"type" doc:"ClusterIP, NodePort, LoadBalancer or ExternalName"`
	Ports                    []ServicePort `json:"ports"`
	ExternalIPs              []string      `json:"external_ips"`
	LoadBalancerSourceRanges []string      `json:"load_balancer_source_ranges"`
}

// ServicePort is one port of a Service.
type ServicePort struct {
	Port     int    `json:"port"`
	NodePort int    `json:"node_port"`
	Protocol string `json:"protocol"`
}

// KubernetesServiceAccount is kind kubernetes.service_account.
type KubernetesServiceAccount struct {
	Namespace                    string `json:"namespace"`
	AutomountServiceAccountToken *bool  `json:"automount_service_account_token"`
}
