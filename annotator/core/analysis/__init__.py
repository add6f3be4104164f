"""Analysis: inter-annotator agreement (percent agreement, Cohen's kappa, Krippendorff's
alpha) computed from tags the store hands over.
"""
