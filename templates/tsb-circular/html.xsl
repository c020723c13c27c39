<?xml version="1.0" encoding="UTF-8"?>
<!-- A TSB circular as an HTML5 page, for the web team.

     Made from the source, not from the FO, so it is semantic HTML: headings, lists,
     tables with headers, links. It carries the same words in the same order as the PDF
     (a test checks this), without the PDF's page furniture (running headers, page
     numbers). circgen passes the parameter $css: the text of html.css beside this file. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:c="urn:circgen:tsb-circular"
                xmlns:s="urn:circgen:strings"
                exclude-result-prefixes="c s">

  <xsl:include href="common.xsl"/>
  <xsl:include href="../common/html-inline.xsl"/>
  <xsl:include href="../common/html-block.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:param name="css" select="''"/>


  <xsl:template match="/c:circular">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="{$out-lang}" dir="{$dir}">
      <head>
        <!-- libxslt's HTML output adds the charset declaration itself. -->
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$circular-name"/></title>
        <meta name="description">
          <xsl:attribute name="content"><xsl:apply-templates select="c:subject" mode="text"/></xsl:attribute>
        </meta>
        <meta name="keywords">
          <xsl:attribute name="content">
            <xsl:call-template name="keywords"/>
          </xsl:attribute>
        </meta>
        <style><xsl:value-of select="$css" disable-output-escaping="yes"/></style>
      </head>
      <body class="lang-{$lang}">
        <article class="letter">
          <header class="letterhead">
            <div class="emblem" role="img" aria-label="emblem"></div>
            <p class="union"><xsl:call-template name="str"><xsl:with-param name="key" select="'union'"/></xsl:call-template></p>
            <p class="bureau"><xsl:call-template name="str"><xsl:with-param name="key" select="'bureau'"/></xsl:call-template></p>
            <p class="place-date" id="{c:place/@id}"><xsl:call-template name="place-date"/></p>
          </header>
          <div class="header-block">
            <dl class="refs">
              <dt><xsl:call-template name="str"><xsl:with-param name="key" select="'label-ref'"/></xsl:call-template></dt>
              <dd><xsl:value-of select="$circular-name"/><br/><xsl:value-of select="@code"/></dd>
              <xsl:if test="c:contact/c:name">
                <dt><xsl:call-template name="str"><xsl:with-param name="key" select="'label-contact'"/></xsl:call-template></dt>
                <dd id="{c:contact/c:name/@id}"><xsl:value-of select="c:contact/c:name"/></dd>
              </xsl:if>
              <dt><xsl:call-template name="str"><xsl:with-param name="key" select="'label-tel'"/></xsl:call-template></dt>
              <dd><a href="tel:{translate(c:contact/c:phone, ' -', '')}"><xsl:call-template name="ltr-attr"/><xsl:value-of select="c:contact/c:phone"/></a></dd>
              <xsl:if test="c:contact/c:fax">
                <dt><xsl:call-template name="str"><xsl:with-param name="key" select="'label-fax'"/></xsl:call-template></dt>
                <dd><xsl:call-template name="identifier"><xsl:with-param name="v" select="c:contact/c:fax"/></xsl:call-template></dd>
              </xsl:if>
              <dt><xsl:call-template name="str"><xsl:with-param name="key" select="'label-email'"/></xsl:call-template></dt>
              <dd><a href="mailto:{c:contact/c:email}"><xsl:call-template name="ltr-attr"/><xsl:value-of select="c:contact/c:email"/></a></dd>
            </dl>
            <div class="addressees">
              <xsl:apply-templates select="c:to | c:copy"/>
            </div>
          </div>
          <p class="subject">
            <span class="label"><xsl:call-template name="str"><xsl:with-param name="key" select="'label-subject'"/></xsl:call-template></span>
            <xsl:text> </xsl:text>
            <strong id="{c:subject/@id}"><xsl:apply-templates select="c:subject/node()" mode="inline"/></strong>
          </p>
          <p class="salutation"><xsl:call-template name="str"><xsl:with-param name="key" select="'salutation'"/></xsl:call-template></p>
          <xsl:apply-templates select="c:letter/*" mode="block"/>
          <p class="closing"><xsl:call-template name="str"><xsl:with-param name="key" select="'closing'"/></xsl:call-template></p>
          <p class="signature">
            <span id="{c:signature/c:title/@id}"><xsl:apply-templates select="c:signature/c:title/node()" mode="inline"/></span><br/>
            <span id="{c:signature/c:name/@id}"><xsl:value-of select="c:signature/c:name"/></span>
          </p>
          <xsl:if test="c:annex">
            <p class="annexes">
              <xsl:call-template name="str">
                <xsl:with-param name="key" select="'annexes'"/>
                <xsl:with-param name="args"><a n="n"><xsl:value-of select="count(c:annex)"/></a></xsl:with-param>
              </xsl:call-template>
            </p>
          </xsl:if>
          <xsl:call-template name="footnotes"><xsl:with-param name="part" select="c:letter"/></xsl:call-template>
        </article>
        <xsl:apply-templates select="c:annex"/>
        <footer class="address">
          <p><xsl:call-template name="str"><xsl:with-param name="key" select="'footer-address'"/></xsl:call-template><br/>
          <xsl:call-template name="str"><xsl:with-param name="key" select="'footer-contact'"/></xsl:call-template></p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="c:to | c:copy">
    <section class="{local-name()}">
      <h2 class="label"><xsl:call-template name="str"><xsl:with-param name="key" select="concat('label-', local-name())"/></xsl:call-template></h2>
      <ul>
        <xsl:for-each select="c:addressee">
          <li id="{@id}">
            <span class="dash">–</span><xsl:text> </xsl:text>
            <xsl:apply-templates mode="inline"/>
            <xsl:call-template name="str">
              <xsl:with-param name="key" select="substring('list-item-endlist-last-end', 1 + 13 * not(following::c:addressee), 13)"/>
            </xsl:call-template>
          </li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

  <xsl:template match="c:note" mode="block">
    <p class="note" id="{@id}">
      <span class="label"><xsl:call-template name="note-label"/></span>
      <xsl:apply-templates mode="inline"/>
    </p>
  </xsl:template>

  <!-- Annex 1: the drafts -->
  <xsl:template match="c:annex[@type = 'drafts']">
    <section class="annex drafts" id="{@id}">
      <h1 class="annex-heading"><xsl:call-template name="annex-heading"/></h1>
      <h2 class="annex-title" id="{c:title/@id}"><xsl:apply-templates select="c:title/node()" mode="inline"/></h2>
      <xsl:for-each select="c:draft">
        <section class="draft" id="{@id}">
          <h3><span class="num"><xsl:value-of select="position()"/></span><xsl:text> </xsl:text><xsl:call-template name="draft-heading"/></h3>
          <p class="draft-title" id="{c:title/@id}"><strong><xsl:apply-templates select="c:title/node()" mode="inline"/></strong></p>
          <h4 class="summary"><xsl:call-template name="str"><xsl:with-param name="key" select="'summary'"/></xsl:call-template></h4>
          <xsl:for-each select="c:summary/c:p">
            <p id="{@id}"><xsl:apply-templates mode="inline"/></p>
          </xsl:for-each>
        </section>
      </xsl:for-each>
    </section>
  </xsl:template>

  <!-- A general annex: heading, title, blocks (common/html-block.xsl), its footnotes. -->
  <xsl:template match="c:annex[not(@type) or @type = 'general']">
    <section class="annex general" id="{@id}">
      <h1 class="annex-heading"><xsl:call-template name="annex-heading"/></h1>
      <xsl:for-each select="c:title">
        <h2 class="annex-title" id="{@id}"><xsl:apply-templates mode="inline"/></h2>
      </xsl:for-each>
      <xsl:apply-templates select="*[not(self::c:title)]" mode="block"/>
      <xsl:call-template name="footnotes"/>
    </section>
  </xsl:template>

  <!-- Annex 2: the reply form, one row group per draft of the drafts annex. -->
  <xsl:template match="c:annex[@type = 'reply-form']">
    <section class="annex reply-form" id="{@id}">
      <h1 class="annex-heading"><xsl:call-template name="annex-heading"/></h1>
      <p class="subject">
        <span class="label"><xsl:call-template name="str"><xsl:with-param name="key" select="'label-subject'"/></xsl:call-template></span>
        <xsl:text> </xsl:text>
        <strong><xsl:call-template name="str-number"><xsl:with-param name="key" select="'reply-subject'"/></xsl:call-template>
        <br/><span id="{c:subject/@id}"><xsl:apply-templates select="c:subject/node()" mode="inline"/></span></strong>
      </p>
      <table class="reply-parties">
        <tr>
          <th scope="row"><xsl:call-template name="str"><xsl:with-param name="key" select="'label-to'"/></xsl:call-template></th>
          <td><xsl:call-template name="str"><xsl:with-param name="key" select="'reply-to'"/></xsl:call-template></td>
          <th scope="row"><xsl:call-template name="str"><xsl:with-param name="key" select="'label-from'"/></xsl:call-template></th>
          <td><xsl:call-template name="str"><xsl:with-param name="key" select="'reply-from'"/></xsl:call-template></td>
        </tr>
        <tr>
          <th scope="row"><xsl:call-template name="str"><xsl:with-param name="key" select="'label-fax'"/></xsl:call-template></th>
          <td><xsl:call-template name="identifier"><xsl:with-param name="v" select="c:reply-to/c:fax"/></xsl:call-template></td>
          <th scope="row"><xsl:call-template name="str"><xsl:with-param name="key" select="'label-fax'"/></xsl:call-template></th>
          <td class="blank"></td>
        </tr>
        <tr>
          <th scope="row"><xsl:call-template name="str"><xsl:with-param name="key" select="'label-email'"/></xsl:call-template></th>
          <td><a href="mailto:{c:reply-to/c:email}"><xsl:call-template name="ltr-attr"/><xsl:value-of select="c:reply-to/c:email"/></a></td>
          <th scope="row"><xsl:call-template name="str"><xsl:with-param name="key" select="'label-email'"/></xsl:call-template></th>
          <td class="blank"></td>
        </tr>
        <tr>
          <td colspan="2"></td>
          <th scope="row"><xsl:call-template name="str"><xsl:with-param name="key" select="'label-date'"/></xsl:call-template></th>
          <td><xsl:call-template name="str"><xsl:with-param name="key" select="'reply-date'"/></xsl:call-template></td>
        </tr>
      </table>
      <p class="salutation"><xsl:call-template name="str"><xsl:with-param name="key" select="'salutation'"/></xsl:call-template></p>
      <p><xsl:call-template name="str-number"><xsl:with-param name="key" select="'reply-intro'"/></xsl:call-template></p>
      <table class="reply">
        <caption data-repeated="page-top"><xsl:call-template name="str"><xsl:with-param name="key" select="'reply-select'"/></xsl:call-template></caption>
        <xsl:for-each select="../c:annex[@type = 'drafts']/c:draft">
          <tbody id="reply-{@id}">
            <tr>
              <th scope="rowgroup" rowspan="2"><xsl:call-template name="reply-row-label"/></th>
              <td class="box"><span class="checkbox" aria-hidden="true"></span></td>
              <td>
                <xsl:call-template name="str-sg"><xsl:with-param name="key" select="'reply-authorize'"/></xsl:call-template>
                <ul class="options">
                  <li><span class="circle" aria-hidden="true">○</span><xsl:text> </xsl:text><xsl:call-template name="str"><xsl:with-param name="key" select="'reply-option-1'"/></xsl:call-template></li>
                  <li><span class="circle" aria-hidden="true">○</span><xsl:text> </xsl:text><xsl:call-template name="str"><xsl:with-param name="key" select="'reply-option-2'"/></xsl:call-template></li>
                </ul>
              </td>
            </tr>
            <tr>
              <td class="box"><span class="checkbox" aria-hidden="true"></span></td>
              <td><xsl:call-template name="str-sg"><xsl:with-param name="key" select="'reply-not-authorize'"/></xsl:call-template></td>
            </tr>
          </tbody>
        </xsl:for-each>
      </table>
      <p class="closing"><xsl:call-template name="str"><xsl:with-param name="key" select="'closing'"/></xsl:call-template></p>
      <p class="signature"><xsl:call-template name="str"><xsl:with-param name="key" select="'reply-signature'"/></xsl:call-template></p>
    </section>
  </xsl:template>

</xsl:stylesheet>
