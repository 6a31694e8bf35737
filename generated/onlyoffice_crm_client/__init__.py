"""A client library for accessing ONLYOFFICE Workspace CRM — Cases"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
