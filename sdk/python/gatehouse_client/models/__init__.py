"""Contains all the data models used in inputs/outputs"""

from .account_disabled import AccountDisabled
from .account_status import AccountStatus
from .account_status_role import AccountStatusRole
from .api_quota import ApiQuota
from .create_tenant_user_request import CreateTenantUserRequest
from .delete_api_v1_auth_sessions_scope import DeleteApiV1AuthSessionsScope
from .deleted_account import DeletedAccount
from .deleted_profile import DeletedProfile
from .format_type import FormatType
from .get_api_v1_logs_metadata_order import GetApiV1LogsMetadataOrder
from .get_api_v1_logs_metadata_sort import GetApiV1LogsMetadataSort
from .get_api_v1_metrics_tenant_resolution import GetApiV1MetricsTenantResolution
from .get_health_live_response_200 import GetHealthLiveResponse200
from .get_health_live_response_200_status import GetHealthLiveResponse200Status
from .health import Health
from .health_mode import HealthMode
from .health_mongodb import HealthMongodb
from .health_mongodb_status import HealthMongodbStatus
from .health_redis import HealthRedis
from .health_redis_status import HealthRedisStatus
from .health_status import HealthStatus
from .indexes_initialized import IndexesInitialized
from .indexes_initialized_indexes import IndexesInitializedIndexes
from .indexes_initialized_status import IndexesInitializedStatus
from .jwk import Jwk
from .jwk_use import JwkUse
from .jwks import Jwks
from .login_request import LoginRequest
from .me import Me
from .me_issuer import MeIssuer
from .metadata_indexes import MetadataIndexes
from .metrics_stats import MetricsStats
from .metrics_stats_cache import MetricsStatsCache
from .metrics_stats_denied_by_policy import MetricsStatsDeniedByPolicy
from .metrics_stats_latency_ms import MetricsStatsLatencyMs
from .metrics_stats_status import MetricsStatsStatus
from .password_change_request import PasswordChangeRequest
from .password_changed import PasswordChanged
from .password_changed_status import PasswordChangedStatus
from .preferences import Preferences
from .preferences_notifications import PreferencesNotifications
from .preferences_theme import PreferencesTheme
from .problem import Problem
from .profile_create import ProfileCreate
from .profile_create_preferences import ProfileCreatePreferences
from .profile_create_preferences_notifications import (
    ProfileCreatePreferencesNotifications,
)
from .profile_create_preferences_theme import ProfileCreatePreferencesTheme
from .profile_patch import ProfilePatch
from .profile_patch_api_quota import ProfilePatchApiQuota
from .profile_patch_preferences import ProfilePatchPreferences
from .profile_patch_preferences_notifications import (
    ProfilePatchPreferencesNotifications,
)
from .profile_patch_preferences_theme import ProfilePatchPreferencesTheme
from .quota import Quota
from .quota_usage import QuotaUsage
from .quota_usage_object import QuotaUsageObject
from .rate_limit_problem import RateLimitProblem
from .rate_limit_problem_policies_item import RateLimitProblemPoliciesItem
from .refresh_request import RefreshRequest
from .register_request import RegisterRequest
from .register_upload_request import RegisterUploadRequest
from .registered import Registered
from .revoked_count import RevokedCount
from .role import Role
from .session import Session
from .session_list import SessionList
from .task_uploads import TaskUploads
from .tenant_metrics import TenantMetrics
from .tenant_metrics_points_item import TenantMetricsPointsItem
from .tenant_metrics_points_item_cache import TenantMetricsPointsItemCache
from .tenant_metrics_points_item_denied_by_policy import (
    TenantMetricsPointsItemDeniedByPolicy,
)
from .tenant_metrics_points_item_latency_ms import TenantMetricsPointsItemLatencyMs
from .tenant_metrics_points_item_status import TenantMetricsPointsItemStatus
from .tenant_metrics_resolution import TenantMetricsResolution
from .tenant_metrics_routes_item import TenantMetricsRoutesItem
from .tenant_metrics_routes_item_status import TenantMetricsRoutesItemStatus
from .tenant_user_created import TenantUserCreated
from .tenant_users import TenantUsers
from .token_pair import TokenPair
from .token_pair_token_type import TokenPairTokenType
from .upload_metadata import UploadMetadata
from .upload_metadata_list import UploadMetadataList
from .upload_metadata_page import UploadMetadataPage
from .upload_stats import UploadStats
from .upload_stats_by_status import UploadStatsByStatus
from .upload_stats_by_status_failed import UploadStatsByStatusFailed
from .upload_stats_by_status_pending import UploadStatsByStatusPending
from .upload_stats_by_status_processing import UploadStatsByStatusProcessing
from .upload_stats_by_status_success import UploadStatsByStatusSuccess
from .upload_status import UploadStatus
from .upload_status_change import UploadStatusChange
from .user_profile import UserProfile

__all__ = (
    "AccountDisabled",
    "AccountStatus",
    "AccountStatusRole",
    "ApiQuota",
    "CreateTenantUserRequest",
    "DeleteApiV1AuthSessionsScope",
    "DeletedAccount",
    "DeletedProfile",
    "FormatType",
    "GetApiV1LogsMetadataOrder",
    "GetApiV1LogsMetadataSort",
    "GetApiV1MetricsTenantResolution",
    "GetHealthLiveResponse200",
    "GetHealthLiveResponse200Status",
    "Health",
    "HealthMode",
    "HealthMongodb",
    "HealthMongodbStatus",
    "HealthRedis",
    "HealthRedisStatus",
    "HealthStatus",
    "IndexesInitialized",
    "IndexesInitializedIndexes",
    "IndexesInitializedStatus",
    "Jwk",
    "JwkUse",
    "Jwks",
    "LoginRequest",
    "Me",
    "MeIssuer",
    "MetadataIndexes",
    "MetricsStats",
    "MetricsStatsCache",
    "MetricsStatsDeniedByPolicy",
    "MetricsStatsLatencyMs",
    "MetricsStatsStatus",
    "PasswordChangeRequest",
    "PasswordChanged",
    "PasswordChangedStatus",
    "Preferences",
    "PreferencesNotifications",
    "PreferencesTheme",
    "Problem",
    "ProfileCreate",
    "ProfileCreatePreferences",
    "ProfileCreatePreferencesNotifications",
    "ProfileCreatePreferencesTheme",
    "ProfilePatch",
    "ProfilePatchApiQuota",
    "ProfilePatchPreferences",
    "ProfilePatchPreferencesNotifications",
    "ProfilePatchPreferencesTheme",
    "Quota",
    "QuotaUsage",
    "QuotaUsageObject",
    "RateLimitProblem",
    "RateLimitProblemPoliciesItem",
    "RefreshRequest",
    "RegisterRequest",
    "RegisterUploadRequest",
    "Registered",
    "RevokedCount",
    "Role",
    "Session",
    "SessionList",
    "TaskUploads",
    "TenantMetrics",
    "TenantMetricsPointsItem",
    "TenantMetricsPointsItemCache",
    "TenantMetricsPointsItemDeniedByPolicy",
    "TenantMetricsPointsItemLatencyMs",
    "TenantMetricsPointsItemStatus",
    "TenantMetricsResolution",
    "TenantMetricsRoutesItem",
    "TenantMetricsRoutesItemStatus",
    "TenantUserCreated",
    "TenantUsers",
    "TokenPair",
    "TokenPairTokenType",
    "UploadMetadata",
    "UploadMetadataList",
    "UploadMetadataPage",
    "UploadStats",
    "UploadStatsByStatus",
    "UploadStatsByStatusFailed",
    "UploadStatsByStatusPending",
    "UploadStatsByStatusProcessing",
    "UploadStatsByStatusSuccess",
    "UploadStatus",
    "UploadStatusChange",
    "UserProfile",
)
