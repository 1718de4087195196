"""App configuration for programs."""

from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "phoihop.programs"
    verbose_name = "Văn bản phối hợp"

    def ready(self):
        from phoihop.core import permissions
        from phoihop.orgs.forms import register_scope

        from .forms import party_choices

        def parties_and_leads(user, params):
            # The agreement being edited (van-ban) adds the units under its parties, as the editor does; only an
            # agreement the user may edit, so an agreement of the units above opens nothing of their trees.
            number = params.get("van-ban", "")
            agreement = (
                permissions.visible_agreements(user).filter(pk=int(number)).first()
                if number.isdigit()
                else None
            )
            if agreement is not None and not permissions.can_edit_agreement(user, agreement):
                agreement = None
            return party_choices(user, agreement)

        # A party or task lead of an agreement: the user's partners, and the units under the agreement's parties.
        register_scope("party", parties_and_leads)
