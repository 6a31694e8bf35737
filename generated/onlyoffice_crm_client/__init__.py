"""A client library for accessing ONLYOFFICE Workspace CRM — Cases"""

from .client import AuthenticatedClient, Client

__version__ = "3.0.0"

__all__ = (
    "AuthenticatedClient",
    "Client",
    "__version__",
)
