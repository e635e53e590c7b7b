"""Well-known values, each defined once."""

#: correlation between goal scores assumed by the Kiresuk-Sherman T-score;
#: 0.3 is the conventional value from Kiresuk & Sherman (1968)
DEFAULT_RHO = 0.3

#: lowest and highest goal attainment level codes (standard GAS codes)
GARS_MIN_LEVEL = -2
GARS_MAX_LEVEL = 2

#: T-score of a set of goals all met at the expected level
GARS_T_MEAN = 50.0

#: points of T-score per standard deviation
GARS_T_SD = 10.0

#: the answer stored for a "not applicable" choice such as "No opportunity";
#: it is never a rating, so it is never counted or averaged
NOT_APPLICABLE = "not_applicable"

#: longest free text kept in one answer box (an exported file stays small)
MAX_TEXT = 5000
