"""`registry_export` / `registry_import` act with a named user's scope, preview first, write with --commit."""

import pytest
from django.core.management import CommandError, call_command

from phoihop.registries import testing as t
from phoihop.registries.models import Initiative


def test_export_edit_and_import_back_from_the_command_line(hbt, tmp_path):
    t.make_initiative(hbt.enterprise, "Cải tiến máy cắt vải")
    t.make_initiative(hbt.md_enterprise, "Giải pháp của Mỹ Đức")
    target = tmp_path / "sang-kien.xlsx"
    call_command("registry_export", "sang-kien", user="alice", output=str(target))
    import openpyxl

    book = openpyxl.load_workbook(target)
    assert book.worksheets[0].max_row == 2  # alice's record only
    book.worksheets[0]["C2"].value = "Lê Văn C; Mai E"
    book.save(target)
    call_command("registry_import", "sang-kien", str(target), user="alice")
    assert Initiative.objects.get(unit=hbt.enterprise).authors != "Lê Văn C; Mai E"
    call_command("registry_import", "sang-kien", str(target), user="alice", commit=True)
    assert Initiative.objects.get(unit=hbt.enterprise).authors == "Lê Văn C; Mai E"


def test_the_commands_refuse_unknown_registries_users_and_out_of_scope_rows(hbt, tmp_path):
    t.make_initiative(hbt.enterprise, "Cải tiến máy cắt vải")
    target = tmp_path / "x.xlsx"
    call_command("registry_export", "sang-kien", user="alice", output=str(target))
    with pytest.raises(CommandError, match="Không có sổ"):
        call_command("registry_export", "khong-co", user="alice")
    with pytest.raises(CommandError, match="--user"):
        call_command("registry_import", "sang-kien", str(target))
    with pytest.raises(CommandError, match="chưa ghi gì"):
        call_command("registry_import", "sang-kien", str(target), user="charlie", commit=True)
