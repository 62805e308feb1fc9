"""One vocabulary of watch providers: stable ids, display names and the names sources use.

JustWatch and TMDb rename services and list one service under several names: "Amazon
Video", "Amazon Prime Video" and "Amazon" are one service to a reader of a film page, as
are "Vudu" and "Fandango At Home", "Apple iTunes" and "Apple TV". :func:`canonical_provider`
finds the service behind a name or a TMDb provider id, and :func:`provider_name` gives the
name a page shows, so that :func:`group_offers` and :func:`where_to_watch` list a service
once.
"""

from __future__ import annotations

import re

import attrs

from filmmeta._model.reprs import fields_repr
from filmmeta._model.validate import shown
from filmmeta.exceptions import ValidationError

__all__ = ["PROVIDERS", "Provider", "canonical_provider", "provider_name"]


@attrs.frozen
class Provider:
    """A watch provider: one service, however sources name it.

    Attributes:
        id: A stable lowercase id ("amazon", "apple_tv").
        name: The name a page shows ("Amazon", "Apple TV").
        aliases: Other names sources give it; an alias written ``"name@XX"`` holds only in
            the region XX (ISO 3166-1 alpha-2).
        tmdb_ids: TMDb's (and JustWatch's) provider ids for it.

    .. versionadded:: 0.2.0
    """

    __repr__ = fields_repr

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    tmdb_ids: tuple[int, ...] = ()


# Read off TMDb's and JustWatch's provider lists (the ids are the two services' shared
# provider ids) and the Backstage page. A name not here is shown as the source wrote it.
_PROVIDERS = (
    Provider(
        "amazon",
        "Amazon",
        (
            "Amazon Video",
            "Amazon Prime Video",
            "Amazon Prime",
            "Prime Video",
            "Amazon Instant Video",
            "Amazon Prime Video with Ads",
        ),
        (9, 10, 119, 2100),
    ),
    Provider("apple_tv", "Apple TV", ("Apple iTunes", "iTunes", "Apple TV Store"), (2,)),
    Provider("apple_tv_plus", "Apple TV+", ("Apple TV Plus",), (350,)),
    Provider(
        "google_play",
        "Google Play",
        ("Google Play Movies", "Google Play Movies & TV", "Google TV"),
        (3,),
    ),
    Provider("vudu", "Vudu", ("Fandango At Home", "Fandango at Home", "Vudu Free"), (7,)),
    Provider("netflix", "Netflix", ("Netflix basic with Ads", "Netflix Kids"), (8, 1796)),
    Provider("disney_plus", "Disney+", ("Disney Plus", "Disney+ Hotstar@ID"), (337,)),
    Provider("hotstar", "JioHotstar", ("Hotstar@IN", "Disney+ Hotstar@IN"), (122, 2336)),
    Provider(
        "hbo_max", "HBO Max", ("Max", "HBO Max Amazon Channel", "HBO Now", "HBO Go"), (384, 1899)
    ),
    Provider("hulu", "Hulu", (), (15,)),
    Provider("peacock", "Peacock", ("Peacock Premium", "Peacock Premium Plus"), (386, 387)),
    Provider("paramount_plus", "Paramount+", ("Paramount Plus", "Paramount Plus Premium"), (531,)),
    Provider("youtube", "YouTube", ("YouTube Movies", "YouTube Premium"), (192,)),
    Provider("microsoft_store", "Microsoft Store", ("Microsoft Movies & TV",), (68,)),
    Provider("rakuten_tv", "Rakuten TV", (), (35,)),
    Provider("mubi", "MUBI", ("Mubi",), (11,)),
    Provider("tubi", "Tubi", ("Tubi TV",), (73,)),
    Provider("pluto_tv", "Pluto TV", (), (300,)),
    Provider("plex", "Plex", (), (538,)),
    Provider("starz", "Starz", ("Starz Play", "STARZPLAY"), (43,)),
    Provider("crave", "Crave", (), (230,)),
    Provider("stan", "Stan", (), (21,)),
    Provider("canal_plus", "Canal+", ("Canal Plus",), (381,)),
    Provider("sky_store", "Sky Store", (), (130,)),
    Provider("chili", "Chili", (), (40,)),
    Provider("magenta_tv", "MagentaTV", ("Magenta TV", "EntertainTV"), (178, 1856)),
    Provider(
        "movistar_plus", "Movistar+", ("Movistar Play", "MovistarTV", "Movistar Plus"), (339,)
    ),
    Provider("fubo_tv", "fuboTV", ("Fubo", "Fubo TV"), (257,)),
    Provider("redbox", "Redbox", (), (279,)),
    Provider("amc_plus", "AMC+", ("AMC Plus",), (526, 528)),
    Provider("viaplay", "Viaplay", (), (76,)),
    Provider("pathe_thuis", "Pathé Thuis", ("Pathé Home",), (71, 2601)),
    Provider("u_next", "U-NEXT", (), (84,)),
    Provider("blockbuster", "Blockbuster", (), (423,)),
)

#: The known providers by id.
PROVIDERS = {provider.id: provider for provider in _PROVIDERS}

_FOLD = re.compile("[\\s\\-_.'\u2019]+")


def _fold(name: str) -> str:
    return _FOLD.sub("", name.casefold()).replace("plus", "+")


_BY_NAME: dict[str, Provider] = {}
_BY_REGIONAL_NAME: dict[tuple[str, str], Provider] = {}
_BY_TMDB: dict[int, Provider] = {}
for _provider in _PROVIDERS:
    _BY_NAME[_fold(_provider.name)] = _provider
    for _alias in _provider.aliases:
        _name, _, _region = _alias.partition("@")
        if _region:
            _BY_REGIONAL_NAME[_fold(_name), _region] = _provider
        else:
            _BY_NAME[_fold(_name)] = _provider
    _BY_TMDB.update(dict.fromkeys(_provider.tmdb_ids, _provider))


def canonical_provider(name: str | int, *, region: str | None = None) -> Provider | None:
    """Return the service behind a provider name or TMDb provider id, or None.

    Names are compared without regard to case, spaces and punctuation, and "Plus" reads
    as "+". A name that means different services in different regions ("Hotstar") is
    looked up for *region* first.

    Args:
        name: The provider's name as a source writes it, or its TMDb / JustWatch id.
        region: The offer's region (ISO 3166-1 alpha-2), when known.

    Returns:
        The :class:`Provider`, or None for a service the vocabulary does not know.

    Raises:
        ValidationError: *name* is neither a string nor an int.

    Examples:
        >>> canonical_provider("Amazon Prime Video").name
        'Amazon'
        >>> canonical_provider(7).name, canonical_provider("fandango at home").name
        ('Vudu', 'Vudu')
        >>> canonical_provider("Disney+ Hotstar", region="IN").id
        'hotstar'

    .. versionadded:: 0.2.0
    """
    if type(name) is int:
        return _BY_TMDB.get(name)
    if type(name) is not str:
        raise ValidationError.at("provider", f"{shown(name)} is not a provider name or id")
    folded = _fold(name)
    if region is not None and (folded, region) in _BY_REGIONAL_NAME:
        return _BY_REGIONAL_NAME[folded, region]
    return _BY_NAME.get(folded)


def provider_name(name: str, *, region: str | None = None) -> str:
    """Return the name a page shows for a provider: the vocabulary's, or *name* as given.

    Examples:
        >>> provider_name("Apple iTunes"), provider_name("Kanopy")
        ('Apple TV', 'Kanopy')

    .. versionadded:: 0.2.0
    """
    provider = canonical_provider(name, region=region)
    return provider.name if provider is not None else name
