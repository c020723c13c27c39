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
  <xsl:include href="../common/html-letter.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:param name="css" select="''"/>
  <!-- The name in the Ref field (common/html-letter.xsl). -->
  <xsl:variable name="doc-name" select="$circular-name"/>


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
          <xsl:call-template name="letter-head"/>
          <p class="salutation"><xsl:call-template name="str"><xsl:with-param name="key" select="'salutation'"/></xsl:call-template></p>
          <xsl:apply-templates select="c:letter/*" mode="block"/>
          <xsl:call-template name="letter-close"/>
          <xsl:call-template name="footnotes"><xsl:with-param name="part" select="c:letter"/></xsl:call-template>
        </article>
        <xsl:apply-templates select="c:annex"/>
        <xsl:call-template name="letter-footer"/>
      </body>
    </html>
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

  <!-- A questionnaire: a real form. The respondent's details and each question are a
       fieldset with its legend (the question's number and text); options are labelled
       radio buttons (choice, yes-no) or check boxes (multiple), free answers a labelled
       text area. Field names are the questions' ids, values the options' ids. -->
  <xsl:template match="c:annex[@type = 'questionnaire']">
    <section class="annex questionnaire" id="{@id}">
      <h1 class="annex-heading"><xsl:call-template name="annex-heading"/></h1>
      <h2 class="annex-title" id="{c:title/@id}"><xsl:apply-templates select="c:title/node()" mode="inline"/></h2>
      <form class="questionnaire" method="post" enctype="text/plain">
        <xsl:if test="c:reply-to"><xsl:attribute name="action">mailto:<xsl:value-of select="c:reply-to/c:email"/></xsl:attribute></xsl:if>
        <fieldset class="respondent">
          <legend><xsl:call-template name="questionnaire-respondent"/></legend>
          <xsl:for-each select="$strings/s:s[@id = 'q-label-state' or @id = 'q-label-name' or @id = 'q-label-email']">
            <xsl:variable name="f" select="substring-after(@id, 'q-label-')"/>
            <p class="field">
              <label for="respondent-{$f}"><xsl:call-template name="str"><xsl:with-param name="key" select="@id"/></xsl:call-template></label>
              <xsl:text> </xsl:text>
              <input id="respondent-{$f}" name="respondent-{$f}" type="text">
                <xsl:if test="$f = 'email'"><xsl:attribute name="type">email</xsl:attribute></xsl:if>
              </input>
            </p>
          </xsl:for-each>
        </fieldset>
        <xsl:apply-templates select="*[not(self::c:title or self::c:reply-to)]" mode="block"/>
        <xsl:if test="c:reply-to">
          <p class="return">
            <xsl:call-template name="questionnaire-return">
              <xsl:with-param name="email"><a href="mailto:{c:reply-to/c:email}"><xsl:value-of select="c:reply-to/c:email"/></a></xsl:with-param>
            </xsl:call-template>
          </p>
        </xsl:if>
        <p class="thanks"><xsl:call-template name="str"><xsl:with-param name="key" select="'q-thanks'"/></xsl:call-template></p>
        <p class="send">
          <input type="submit">
            <xsl:attribute name="value"><xsl:call-template name="str-text"><xsl:with-param name="key" select="'q-send'"/></xsl:call-template></xsl:attribute>
          </input>
        </p>
      </form>
      <xsl:call-template name="footnotes"/>
    </section>
  </xsl:template>

  <xsl:template match="c:question" mode="block">
    <xsl:variable name="n"><xsl:call-template name="question-number"/></xsl:variable>
    <fieldset class="question {@type}" id="{@id}">
      <legend>
        <span class="num"><xsl:call-template name="str"><xsl:with-param name="key" select="'q-number'"/><xsl:with-param name="args"><a n="n"><xsl:value-of select="$n"/></a></xsl:with-param></xsl:call-template></span>
        <xsl:text> </xsl:text>
        <strong id="{c:text/@id}"><xsl:apply-templates select="c:text/node()" mode="inline"/></strong>
        <xsl:if test="@type = 'choice' or @type = 'multiple'">
          <xsl:text> </xsl:text>
          <span class="how"><xsl:call-template name="question-hint"/></span>
        </xsl:if>
      </legend>
      <xsl:for-each select="c:hint">
        <p class="hint" id="{@id}"><xsl:apply-templates mode="inline"/></p>
      </xsl:for-each>
      <xsl:variable name="q" select="@id"/>
      <xsl:choose>
        <xsl:when test="@type = 'text'">
          <textarea name="{$q}" rows="{number(concat('0', @lines)) + 4 * not(@lines)}" cols="60">
            <xsl:attribute name="aria-label"><xsl:call-template name="str-text"><xsl:with-param name="key" select="'q-answer'"/><xsl:with-param name="args"><a n="n"><xsl:value-of select="$n"/></a></xsl:with-param></xsl:call-template></xsl:attribute>
            <xsl:attribute name="aria-labelledby"><xsl:value-of select="c:text/@id"/></xsl:attribute>
          </textarea>
        </xsl:when>
        <xsl:when test="@type = 'yes-no'">
          <ul class="options yes-no">
            <li><input type="radio" name="{$q}" id="{$q}-yes" value="yes"/><xsl:text> </xsl:text><label for="{$q}-yes"><xsl:call-template name="str"><xsl:with-param name="key" select="'q-yes'"/></xsl:call-template></label></li>
            <li><input type="radio" name="{$q}" id="{$q}-no" value="no"/><xsl:text> </xsl:text><label for="{$q}-no"><xsl:call-template name="str"><xsl:with-param name="key" select="'q-no'"/></xsl:call-template></label></li>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <ul class="options">
            <xsl:for-each select="c:option">
              <li>
                <input name="{$q}" id="{@id}-input" value="{@id}">
                  <xsl:attribute name="type"><xsl:choose><xsl:when test="../@type = 'multiple'">checkbox</xsl:when><xsl:otherwise>radio</xsl:otherwise></xsl:choose></xsl:attribute>
                </input>
                <xsl:text> </xsl:text>
                <label for="{@id}-input" id="{@id}"><xsl:apply-templates mode="inline"/></label>
                <xsl:if test="@specify">
                  <xsl:text> </xsl:text>
                  <input type="text" name="{@id}-specify" class="specify">
                    <xsl:attribute name="aria-label"><xsl:call-template name="str-text"><xsl:with-param name="key" select="'q-specify'"/></xsl:call-template></xsl:attribute>
                  </input>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:otherwise>
      </xsl:choose>
    </fieldset>
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
