"""Pattern tables that recognise web-page furniture and metadata lines in pasted text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

Role = Literal[
    "body",  # the author's text
    "title",  # the title line
    "banner",  # the site's name or tagline above the title
    "furniture",  # page chrome: widgets, forms, credits, footers
    "related",  # furniture that opens a list of links ("Related posts")
    "bio_heading",  # "About the Author": the next paragraph is a biography
    "bio",  # an author biography
    "source",  # "This article was originally published by ..."
    "sponsor",  # "X is grateful to Y for its support of this publication"
    "copyright",  # "© 2016 X. All rights reserved."
    "posted",  # "Posted on 3 May 2016 by Jane Doe | Leave a comment", or a date on its own
    "byline",  # "by Jane Doe"
]

# Furniture rules are phrase matches, so a long line is never furniture: it is a paragraph that
# merely mentions a widget's words (an essay on newsletters, say).
MAX_FURNITURE_WORDS = 40

SOCIAL_SITES = (
    r"twitter|facebook|linkedin|reddit|whatsapp|telegram|pinterest|tumblr|pocket|mastodon"
    r"|bluesky|threads|instagram|youtube|x"
)


@dataclass(frozen=True)
class Rule:
    """One pattern (matched against a line's key) and the role a matching line plays."""

    role: Role
    pattern: re.Pattern[str]


def rule(role: Role, *alternatives: str) -> Rule:
    """Return a rule matching any of the alternatives (lower-case regexes over a line's key)."""
    return Rule(role, re.compile("|".join(f"(?:{alternative})" for alternative in alternatives)))


RULES: tuple[Rule, ...] = (
    # Print and PDF buttons: page tools paste their labels as text.
    rule("furniture", r"^print friendly\b", r"^(print|email|e-mail|pdf|download pdf)( this)?$"),
    # Image credits caption the page's picture, not the argument.
    rule(
        "furniture",
        r"^(featured |header |cover |lead |top )?(image|photo|photograph|picture|illustration)s?"
        r"( credits?| source)?( courtesy of| by| via|:) ",
        r"^credits?: ",
    ),
    # Share, like and follow widgets.
    rule(
        "furniture",
        r"^share( this( article| post| page| story)?| on| via)?( ?:|$| (on|via) )",
        r"\blike us on facebook\b",
        rf"\bfollow us on ({SOCIAL_SITES})\b",
        r"^%d bloggers like this:?$",
        r"^(like|rate) this:?$",
        r"^like loading",
        r"^loading\.\.\.$",
        rf"^({SOCIAL_SITES}|email|print|more|tweet)( \(opens in new window\))?$",
    ),
    # Comment forms and the WordPress account pickers that come with them.
    rule(
        "furniture",
        r"^leave a (reply|comment)\b",
        r"^(post|add|submit|write) (a )?comment$",
        r"^cancel reply$",
        r"^\d+ (comments?|responses?|replies|thoughts on)\b",
        r"^(no )?comments?( \(\d+\))?:?$",
        r"^fill in your details below\b",
        r"^you are commenting using your\b",
        r"^connecting to %s$",
        r"^your email address will not be published\b",
        r"^required fields are marked\b",
        r"^this site uses akismet\b",
        r"^notify me of (new|follow-up) ",
        r"^save my name, email\b",
        r"^(name|email|e-mail|website|comment)( \((required|optional)\))?( \([^)]*\))?\s*\*?:?$",
        r"^post was not sent\b",
        r"^sorry, your blog cannot share posts by email\b",
        r"^(google\+?|twitter|facebook|wordpress\.com|gravatar|linkedin) (photo|picture|avatar)$",
        r"^(log in to )?reply$",
        r"^you must be logged in to post a comment\b",
    ),
    # Subscription prompts, follower counts and newsletter sign-ups.
    rule(
        "furniture",
        r"^enter your email address to (follow|subscribe)\b",
        r"^join [\d,.]+ other (followers|subscribers)\b",
        r"^(sign up|subscribe)( now| today)?( (to|for) (our|the|this) [\w -]*)?[.!]?$",
        r"^(sign up|subscribe)\b.*\bnewsletter\b",
        r"\bnewsletter\b.*\b(sign up|subscribe|inbox)\b",
        r"^get (our|the) [\w -]*newsletter\b",
        r"^follow( blog via email| this blog)?$",
        r"^(your )?email address:?$",
        r"^(sign me up|subscribe now)!?$",
    ),
    # Pointers to the publisher's website.
    rule(
        "furniture",
        r"^for more information\b.*\bvisit\b",
        r"^(please )?visit (our|the) .*(website|site)\b",
    ),
    # Cookie banners.
    rule(
        "furniture",
        r"\b(this|our) (web)?site uses cookies\b",
        r"^we use cookies\b",
        r"\bcookie (policy|settings|preferences)\b",
        r"^(accept|accept all|reject all|decline|got it|i agree|allow all|manage preferences)"
        r"( cookies)?$",
        r"^by (continuing to use|using) (this|our) (web)?site\b",
    ),
    # Tag, category and "last updated" lines from the post's footer.
    rule(
        "furniture",
        r"^(tags?|tagged( with| as)?|filed under|categories|category|topics?|keywords|labels?)\s*:",
        r"^(last )?updated\b",
        r"^\d+ min(ute)?s? read$",
    ),
    # Site navigation.
    rule(
        "furniture",
        r"^(home|menu|search|search for:|skip to (main )?content|back to top|close|previous|next"
        r"|older posts|newer posts)$",
        r"^(« |← |< )?(previous|next|older|newer) (post|article|entry|story)\b",
    ),
    # Menu bars ("Home | About | Contact"), adverts and download or click-through prompts.
    rule(
        "furniture",
        r"^(?:[\w&' -]{1,25} ?[|•·] ?){2,}[\w&' -]{1,25}$",
        r"^advertisement$",
        r"^(privacy( policy| notice)?|terms( of (use|service))?|terms and conditions|imprint"
        r"|impressum|contact( us)?|accessibility|sitemap|about us)$",
        r"^click here\b",
        r"^download( the)? (pdf|report|full report|this (article|report|brief))\b",
    ),
    # A link list follows these headings; the list is furniture too.
    rule(
        "related",
        r"^(related( posts| articles| stories| content)?|you (may|might) also like"
        r"|recommended( for you)?|popular posts|recent posts|most read|read next|read more"
        r"|more (from|on) this (blog|site|topic))\s*:?$",
    ),
    rule("furniture", r"^(read more|continue reading|read the full (article|story|report))\b"),
    # Provenance lines become metadata (source_note), not body text.
    rule(
        "source",
        r"^(this|the) (article|post|piece|commentary|essay|analysis|op-ed|text|blog post|paper"
        r"|brief|interview) (was |is )?(originally |first )?(published|posted|appeared)\b",
        r"^originally (published|posted|appeared)\b",
        r"^an? (earlier |shorter |longer )?version of this (article|piece|post|text) ",
        r"^(republished|reprinted) (with permission )?(from|by)\b",
    ),
    # Sponsor acknowledgements name the publisher (the one who is grateful).
    rule("sponsor", r"\b(is|are) grateful to .+ for (its|their|the) (generous )?support\b"),
    rule("copyright", r"^(©|\(c\) |copyright\b)", r"\ball rights reserved\b"),
    rule("bio_heading", r"^about the (authors?|contributors?|writers?)\s*:?$", r"^author bios?:?$"),
    rule("posted", r"^posted (in|on|by|at)\b", r"^(published|posted)( on)?:? "),
)

# A banner names the blog or site; in the header these words mark it (never a title's last line).
SITE_WORDS = re.compile(
    r"\b(blog|blogs|blogging|blogger|magazine|news|journal|times|post|review|daily|weekly"
    r"|online|press|media|digest|monitor|gazette|tribune|herald|observer|insights)\b"
)

# Genre labels that sites print before a title ("Policy Brief: ..."); the title keeps the rest.
GENRE_LABEL = re.compile(
    r"^(policy brief|policy paper|policy memo|brief|briefing|commentary|analysis|op-ed|opinion"
    r"|report|working paper|interview|essay|blog post|feature|explainer|editorial"
    r"|research paper|discussion paper)\s*:\s+(?=\S)",
    re.IGNORECASE,
)

QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def line_key(text: str) -> str:
    """Return the form of a line that rules match: NFKC, folded quotes, lower case, one space."""
    folded = unicodedata.normalize("NFKC", text).translate(QUOTES).casefold()
    return " ".join(folded.split())


def classify(text: str) -> Role:
    """Return the role a line plays on its own: the first matching rule's, else body."""
    if len(text.split()) > MAX_FURNITURE_WORDS:
        return "body"
    key = line_key(text)
    return next((item.role for item in RULES if item.pattern.search(key)), "body")


def is_site_name(text: str) -> bool:
    """Return whether a header line reads as a site's name or tagline."""
    return SITE_WORDS.search(line_key(text)) is not None
