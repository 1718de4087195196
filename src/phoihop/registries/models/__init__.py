"""Models of the registries app, split by domain."""

from .base import ComputedValue, ImportBatch, RegistryRecord
from .commendations import Commendation, CommendationRecipient
from .emulation import DedicatedWork, Initiative, Movement, MovementParticipant, Recognition, SkillsContest
from .labour import EducationSession, Inspection, WorkplaceYear
from .welfare import GiftProgramme, Loan, Support

__all__ = [
    "Commendation",
    "CommendationRecipient",
    "ComputedValue",
    "DedicatedWork",
    "EducationSession",
    "GiftProgramme",
    "ImportBatch",
    "Initiative",
    "Inspection",
    "Loan",
    "Movement",
    "MovementParticipant",
    "Recognition",
    "RegistryRecord",
    "SkillsContest",
    "Support",
    "WorkplaceYear",
]
