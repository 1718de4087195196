"""URLs of the programs app (mounted at /van-ban/)."""

from django.urls import path

from . import views

app_name = "programs"
urlpatterns = [
    path("", views.agreement_list, name="list"),
    path("tao-moi/", views.agreement_create, name="create"),
    path("<int:pk>/", views.agreement_detail, name="detail"),
    path("<int:pk>/sua/", views.agreement_edit, name="edit"),
    path("<int:pk>/van-ban-cu-the-hoa/", views.agreement_cascade, name="cascade"),
    path("<int:pk>/tai-lieu/", views.attachment_upload, name="attachment_upload"),
    path("<int:pk>/nhiem-vu/them/", views.task_add, name="task_add"),
    path("tai-lieu/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("tai-lieu/<int:pk>/xoa/", views.attachment_delete, name="attachment_delete"),
    path("nhiem-vu/<int:pk>/sua/", views.task_edit, name="task_edit"),
    path("nhiem-vu/<int:pk>/trang-thai/", views.task_status, name="task_status"),
]
