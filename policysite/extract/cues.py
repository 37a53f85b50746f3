"""The wording that marks a prescription: modals, necessity, imperatives and reported demands."""

from __future__ import annotations

import re

# Deontic modals with their main verb (guide §2, form 1).
MODAL = re.compile(
    r"\b(?:should|must|ought to|needs? to|has to|have to|(?:is|are) to be)\b",
    re.IGNORECASE,
)
# Verbs of understanding or perceiving prescribe nothing unless an action is coordinated.
UNDERSTANDING = re.compile(
    r"^\s+(?:also\s+)?(?:be\s+)?(?:understand|realise|realize|recognise|recognize|remember|"
    r"remembered|noted?|perceived?|seen|acknowledged?|mean)\b(?![^.;]{0,12}\band\s+\w+ly\b|\s+and\b)",
    re.IGNORECASE,
)
NECESSITY = re.compile(
    r"\b(?:(?:is|are|will be|would be)\s+(?:\w+\s+)?(?:needed|necessary|required)|"
    r"(?<!which )(?<!that )(?:requires|necessitates|will require))\b",
    re.IGNORECASE,
)
PROPOSAL = re.compile(
    r"\b(?:it would be advisable to|(?:is|are) of utmost importance|is the best way ahead|"
    r"the best outcome\b[^.]*\bwould be|could be an important step|"
    r"important step\b[^.]*\bcould be)",
    re.IGNORECASE,
)
# Proposals whose grammatical subject is the one asked to act.
AGENT_PROPOSAL = re.compile(
    r"\b(?:ha(?:s|ve) the opportunity to|ha(?:s|ve) a responsibility to)\b", re.IGNORECASE
)
NEGATED_MODAL = re.compile(r"\b(?:shouldn['’]t|should not|mustn['’]t|must not)\s+mean\b[^.;]*$")
SUGGESTION = re.compile(
    r"\b(?:can|could)\s+(?:\w+\s+)?(?:try|explore|start by|build on|begin by|consider)\b",
    re.IGNORECASE,
)
NEED_NOUN = re.compile(r"\bneeds\s+(?:both|a|an|more|new|further)\b")
CALL_ON = re.compile(
    r"\b(?P<verb>call(?:s|ed|ing)? on|urg(?:e|es|ed|ing)|encourag(?:e|es|ed|ing)|can expect|"
    r"tasks)\s+"
    r"(?P<target>(?:the\s+)?[\w’'-]+(?:\s+(?:and\s+)?[\w’'-]+){0,6}?)\s+to\b"
)
REPORTED = re.compile(
    r"\b(?:called for|call(?:s|ed)? for|calls from|demand(?:s|ed)|urged|proposed|recommended|"
    r"(?<!is )(?<!are )(?<!be )expected|insisted|suggested that)\b",
    re.IGNORECASE,
)
SPEECH = re.compile(
    r"\b(?:said|stated|argued|declared|emphasi[sz]ed|stressed|underlined|insisted|claimed)\s+that\b"
)
BELIEF = re.compile(
    r"\b(?:recogni[sz]ed|believes?|believed|thinks?|feels?|hopes?|knows?)\s+that\b[^.;]*$",
    re.IGNORECASE,
)
NEGATED_PAST = re.compile(r"\b(?:didn['’]t|did not)\s*$", re.IGNORECASE)
EMBEDDED_QUESTION = re.compile(r"(?<!^)\b(?:how|what|whether|where|which|why)\b[^,;:]*$", re.I)
CONDITION = re.compile(r"\b(?:if|unless|only if)\b[^,;]*$", re.IGNORECASE)
LET_US = re.compile(r"^Let us\s+(?!remember|now|not|hope|pray|be\b)\w+")
DO_NOT = re.compile(r"(?:^|:\s+)(?:Don['’]t|Do not)\s+\w+")
# Base-form verbs that open imperative recommendations in policy writing.
IMPERATIVES = frozenset(
    re.split(
        r"\s+",
        """Adopt Agree Allow Avoid Boost Build Clarify Commit Consider Continue Coordinate Create
        Define Deploy Develop Encourage End Engage Enhance Ensure Establish Expand Explore Focus
        Freeze Give Improve Include Increase Introduce Invest Invite Keep Launch Limit Maintain
        Make Negotiate Offer Open Prepare Prioritise Prioritize Promote Propose Protect Provide
        Pursue Reaffirm Reassure Reduce Reform Refrain Reinforce Reject Renew Replace Resume Restore
        Rethink Review Revise Revive Scrap Seek Set Start Stop Strengthen Support Suspend Take
        Use Work""",
    )
)
NOT_AFTER_IMPERATIVE = frozenset({"for", "of", "in", "is", "are", "was", "were", "and", "on"})
SECTION_ADDRESSEE = re.compile(
    r"\b(?:recommendations?|proposals?|advice|what\s+\w+\s+should do)\s+(?:for|to)\s+"
    r"(?:the\s+)?(?P<who>.+)$",
    re.IGNORECASE,
)
